package gfa.models.training;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.dataset.Dataset;
import gfa.core.dataset.DatasetReader;
import gfa.core.pruning.Pruning;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.PruningResult;
import gfa.core.pruning.TernarySystem;
import gfa.features.Featurizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a model learns from: the dataset's compositions (duplicates averaged), optionally pruned
 * for a target system, with their descriptors, computed by gfa or taken from the file's own
 * columns when asked to.
 */
public record TrainingData(
    List<Composition> compositions, double[][] x, double[] y, List<String> columns, Dataset dataset, PruningResult pruning) {

  /**
   * @param useFileDescriptors take the preset's columns from the file instead of computing them
   * @param system target system to prune for, or null
   * @param level pruning level (used when {@code system} is given)
   */
  public static TrainingData prepare(
      DatasetReader reader, String target, Featurizer featurizer, boolean useFileDescriptors, TernarySystem system,
      PruningLevel level) {
    Dataset dataset = reader.read(target);
    List<Composition> compositions = dataset.compositions();
    double[] y = dataset.target();
    double[][] x;
    if (useFileDescriptors) {
      double[][] fileRows = reader.numericColumns(featurizer.columns()); // names the missing column
      x = new double[compositions.size()][];
      int[] source = dataset.sourceRows();
      for (int i = 0; i < x.length; i++) {
        x[i] = fileRows[source[i]]; // a merged duplicate takes the descriptors of its first row
      }
    } else {
      try {
        x = featurizer.featurizeAll(compositions);
      } catch (Featurizer.RowProblem e) {
        throw e.problem().at(reader.table().where(dataset.sourceRows()[e.row()]));
      }
    }
    PruningResult pruning = null;
    if (system != null) {
      pruning = Pruning.prune(compositions, system, level);
      int[] kept = pruning.keptRows();
      if (kept.length == 0) {
        throw new GfaInputException("pruning for " + system.name() + " at level " + level.level() + " leaves no rows");
      }
      List<Composition> keptCompositions = new ArrayList<>(kept.length);
      double[][] keptX = new double[kept.length][];
      double[] keptY = new double[kept.length];
      for (int t = 0; t < kept.length; t++) {
        keptCompositions.add(compositions.get(kept[t]));
        keptX[t] = x[kept[t]];
        keptY[t] = y[kept[t]];
      }
      compositions = keptCompositions;
      x = keptX;
      y = keptY;
    }
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) {
        if (!Double.isFinite(x[i][j])) {
          throw new GfaInputException(compositions.get(i).format() + ": descriptor '" + featurizer.columns().get(j) + "' is not a finite number");
        }
      }
    }
    return new TrainingData(List.copyOf(compositions), x, y, featurizer.columns(), dataset, pruning);
  }

  /**
   * These rows plus {@code extra} alloys with their labels (e.g. lab results), featurised here. An
   * extra alloy that is already a row is not added twice: its label is averaged with the row's,
   * counting the row as one more report (docs/method.md §1: several reports of one alloy are averaged).
   */
  public TrainingData plus(List<Composition> extra, double[] labels, Featurizer featurizer) {
    if (extra.size() != labels.length) {
      throw new IllegalArgumentException(extra.size() + " alloys, " + labels.length + " labels");
    }
    if (!featurizer.columns().equals(columns)) {
      throw new IllegalArgumentException("descriptor columns differ");
    }
    java.util.Map<Composition, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < compositions.size(); i++) {
      index.put(compositions.get(i), i);
    }
    List<Composition> allCompositions = new ArrayList<>(compositions);
    double[] allY = java.util.Arrays.copyOf(y, y.length + extra.size());
    List<Composition> added = new ArrayList<>();
    List<Double> addedY = new ArrayList<>();
    for (int k = 0; k < extra.size(); k++) {
      Integer row = index.get(extra.get(k));
      if (row != null) {
        allY[row] = (y[row] + labels[k]) / 2;
      } else {
        added.add(extra.get(k));
        addedY.add(labels[k]);
      }
    }
    double[][] addedX = featurizer.featurizeAll(added);
    double[][] allX = java.util.Arrays.copyOf(x, x.length + added.size());
    for (int k = 0; k < added.size(); k++) {
      allCompositions.add(added.get(k));
      allX[x.length + k] = addedX[k];
      allY[y.length + k] = addedY.get(k);
      for (int j = 0; j < addedX[k].length; j++) {
        if (!Double.isFinite(addedX[k][j])) {
          throw new GfaInputException(added.get(k).format() + ": descriptor '" + columns.get(j) + "' is not a finite number");
        }
      }
    }
    allY = java.util.Arrays.copyOf(allY, allX.length);
    return new TrainingData(List.copyOf(allCompositions), allX, allY, columns, dataset, pruning);
  }

  public int rows() {
    return y.length;
  }
}
