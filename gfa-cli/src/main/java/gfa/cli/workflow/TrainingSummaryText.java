package gfa.cli.workflow;

import gfa.models.eval.CvScheme;
import gfa.models.eval.PerSystemErrors;
import gfa.models.training.FoldEvaluation;
import gfa.models.training.Generalisation;
import gfa.models.training.TrainingData;
import gfa.models.training.TrainingResult;
import gfa.models.training.TunedModel;
import java.util.Locale;

/** The readable summary of a training run that {@code gfa train} prints: scores per learner, fusion, generalisation. */
public final class TrainingSummaryText {
  private TrainingSummaryText() {}

  /** The readable summary table of a training run, with the second cross-validation beside the first. */
  public static String summary(TrainingResult r, TrainingData training, Generalisation g) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%d rows, %s CV, seed %d%s%n", r.rows(), r.foldKind(), r.seed(),
        training.pruning() == null ? "" : ", pruned for " + training.pruning().system().name() + " (subdataset " + training.pruning().level().level() + ")"));
    if (!training.dataset().merged().isEmpty()) {
      s.append(String.format(Locale.ROOT, "%d compositions appear more than once in %d rows read; their D_max values were averaged%n",
          training.dataset().merged().size(), training.dataset().rowsRead()));
    }
    FoldEvaluation extra = g.extra();
    String tag = g.tunedWith().other() == CvScheme.LEAVE_SYSTEM_OUT ? "LSO" : "random";
    s.append(String.format(Locale.ROOT, "%-16s %7s %8s %7s %7s %9s", "model", "CV R2", "CV RMSE", "CV MAE", "trials", "seconds"));
    s.append(extra == null ? "\n" : String.format(Locale.ROOT, "  %9s %11s%n", tag + " R2", tag + " RMSE"));
    for (TunedModel m : r.models()) {
      s.append(String.format(Locale.ROOT, "%-16s %7.3f %8.3f %7.3f %7d %9.1f", m.learner(), m.cv().r2(), m.cv().rmse(), m.cv().mae(), m.trials(), m.seconds()));
      s.append(extra == null ? "\n" : String.format(Locale.ROOT, "  %9.3f %11.3f%n", extra.models().get(m.learner()).r2(),
          extra.models().get(m.learner()).rmse()));
    }
    s.append(String.format(Locale.ROOT, "%-16s %7.3f %8.3f %7.3f %7s %9.1f", "fusion (tuned)", r.fusion().r2(), r.fusion().rmse(), r.fusion().mae(), "", r.fusionSeconds()));
    s.append(extra == null ? "\n" : String.format(Locale.ROOT, "  %9.3f %11.3f%n", extra.fusion().r2(), extra.fusion().rmse()));
    s.append(String.format(Locale.ROOT, "%-16s %7.3f %8.3f%n", "fusion (equal)", r.fusionEqual().r2(), r.fusionEqual().rmse()));
    StringBuilder w = new StringBuilder();
    r.weights().forEach((k, v) -> w.append(String.format(Locale.ROOT, " %s %.2f", k, v)));
    s.append("fusion weights:").append(w).append('\n');
    if (extra != null) {
      s.append(String.format(Locale.ROOT, "%s columns: %s CV of the same hyperparameters and weights (%d systems in the data, %.1f s)%n",
          tag, extra.kind(), g.systems(), extra.seconds()));
    } else {
      s.append(String.format(Locale.ROOT, "no %s evaluation: %s%n", g.tunedWith().other().option(), g.skipped()));
    }
    var c = r.classification();
    s.append(String.format(Locale.ROOT,
        "as a BMG classifier (D_max >= %.0f mm, %d positives): precision %.3f, recall %.3f, F1 %.3f, MCC %.3f, ROC-AUC %.3f, average precision %.3f%n",
        c.threshold(), c.truePositives() + c.falseNegatives(), c.precision(), c.recall(), c.f1(), c.mcc(), c.rocAuc(), c.averagePrecision()));
    s.append(perSystem(g, tag));
    return s.toString();
  }

  /** The fused errors on the systems with the most rows, one line each. */
  private static String perSystem(Generalisation g, String tag) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "fused out-of-fold errors on the %d systems with the most rows (mm):%n", g.perSystem().size()));
    boolean both = g.extra() != null;
    s.append(String.format(Locale.ROOT, "  %-22s %5s %8s %7s", "system", "rows", "CV RMSE", "CV MAE"));
    s.append(both ? String.format(Locale.ROOT, " %11s %10s%n", tag + " RMSE", tag + " MAE") : "\n");
    for (PerSystemErrors.Row row : g.perSystem()) {
      var main = row.errors().get(g.tunedWith().reportKey());
      s.append(String.format(Locale.ROOT, "  %-22s %5d %8.3f %7.3f", row.system(), row.rows(), main.rmse(), main.mae()));
      if (both) {
        var other = row.errors().get(g.tunedWith().other().reportKey());
        s.append(String.format(Locale.ROOT, " %11.3f %10.3f%n", other.rmse(), other.mae()));
      } else {
        s.append('\n');
      }
    }
    return s.toString();
  }
}
