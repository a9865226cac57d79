package gfa.models.training;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.models.eval.PerSystemErrors;
import gfa.models.eval.RegressionMetrics;
import java.util.List;
import java.util.Map;

/**
 * The generalisation part of {@code report.json}: the second cross-validation
 * ({@code "leave_system_out"} after random k-fold tuning, {@code "random_kfold"} after
 * leave-system-out tuning) and the errors on the systems with most data ({@code "per_system"}).
 * Added beside the keys {@link ModelStore#report} writes, which stay as they are.
 */
public final class GeneralisationReport {
  /** Report key of leave-system-out figures. */
  public static final String LEAVE_SYSTEM_OUT = "leave_system_out";
  /** Report key of random k-fold figures. */
  public static final String RANDOM_KFOLD = "random_kfold";

  private GeneralisationReport() {}

  /** {@code report[key] = {cv, folds, groups, models: {id: metrics}, fusion: metrics, seconds}}. */
  public static void addEvaluation(ObjectNode report, String key, FoldEvaluation e) {
    ObjectNode node = report.putObject(key);
    node.put("cv", e.kind());
    node.put("folds", e.folds());
    node.put("groups", e.groups());
    ObjectNode models = node.putObject("models");
    e.models().forEach((id, m) -> metrics(models.putObject(id), m));
    metrics(node.putObject("fusion"), e.fusion());
    node.put("seconds", Math.round(e.seconds() * 1000) / 1000.0);
  }

  /** {@code report[key] = {skipped: reason}}: the second evaluation could not or was not to be run. */
  public static void addSkipped(ObjectNode report, String key, String reason) {
    report.putObject(key).put("skipped", reason);
  }

  /**
   * {@code report.per_system = [{system, rows, <evaluation>: {rmse, mae}...}...]}, the evaluation
   * names being the keys of each row's errors (e.g. {@link #RANDOM_KFOLD}, {@link #LEAVE_SYSTEM_OUT}).
   */
  public static void addPerSystem(ObjectNode report, List<PerSystemErrors.Row> rows) {
    ArrayNode array = report.putArray("per_system");
    for (PerSystemErrors.Row row : rows) {
      ObjectNode node = array.addObject();
      node.put("system", row.system());
      node.put("rows", row.rows());
      for (Map.Entry<String, RegressionMetrics> e : row.errors().entrySet()) {
        ObjectNode m = node.putObject(e.getKey());
        m.put("rmse", e.getValue().rmse());
        m.put("mae", e.getValue().mae());
      }
    }
  }

  private static void metrics(ObjectNode node, RegressionMetrics m) {
    node.put("cv_r2", m.r2());
    node.put("cv_rmse", m.rmse());
    node.put("cv_mae", m.mae());
  }
}
