package gfa.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The worked example of docs/api.md. The region between the {@code example} markers is the
 * document's code block, character for character (ApiExampleTest compares them), and
 * ApiExampleTest runs it.
 */
final class ApiExample {
  /** What the example computed, for the test to check. */
  record Outcome(Table described, Table predicted, SystemMap zrAlCu) {}

  private ApiExample() {}

  static Outcome run(Path modelDir) throws IOException {
    // begin example
    Table alloys = Table.create("alloys",
        StringColumn.create("composition", "Zr65Cu17.5Ni10Al7.5", "Cu46Zr46Al8", "Pd40Cu30Ni10P20", "Fe80B20"));

    // featurise: the table's columns, then the 29 descriptors
    Table described = GlassFormingAbility.featurize(alloys);

    // train: every 14th row of the built-in table (400 alloys), two learners, 3 search trials
    // each, the data pruned for Zr-Al-Cu as the paper does; then save it as 'gfa train' would
    Table ward = GlassFormingAbility.builtInTable();
    Table rows = ward.rows(IntStream.range(0, 400).map(i -> 14 * i).toArray());
    Training training = Training.defaults()
        .withLearners("xgboost", "lightgbm").withTrials(3).withSeed(7).prunedFor("Zr-Al-Cu");
    try (DmaxModel model = GlassFormingAbility.train(rows, training)) {
      model.save(modelDir);
    }

    // load it again (here, or in another program) and predict: predicted_D_max in mm, one
    // column per learner, the 90 % interval and p_bmg; then a whole system on the 5 at.% grid
    Table predicted;
    SystemMap zrAlCu;
    try (DmaxModel model = GlassFormingAbility.load(modelDir)) {
      predicted = model.predict(alloys);
      zrAlCu = model.predictSystem("Zr-Al-Cu", 5);
    }
    System.out.println(predicted.selectColumns("composition", "predicted_D_max", "p_bmg").print());
    System.out.println(zrAlCu.candidates().print());
    // end example
    return new Outcome(described, predicted, zrAlCu);
  }
}
