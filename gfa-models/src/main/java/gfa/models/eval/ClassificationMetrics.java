package gfa.models.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The regression read as a classifier of "is it a bulk glass (D_max >= threshold)?", with the
 * measures that stay honest when positives are rare (Lee and Ryu, Front. Mater. 9, 874339 (2022)):
 * precision, recall, F1, Matthews correlation, ROC-AUC and average precision, and the confusion
 * matrix. ROC-AUC alone flatters rare-class skill; average precision does not.
 */
public record ClassificationMetrics(
    double threshold,
    int truePositives,
    int falsePositives,
    int trueNegatives,
    int falseNegatives,
    double precision,
    double recall,
    double f1,
    double mcc,
    double rocAuc,
    double averagePrecision) {

  /** Positives are observed >= threshold; the predicted value is the score and is cut at the same threshold. */
  public static ClassificationMetrics of(double[] observed, double[] predicted, double threshold) {
    int tp = 0;
    int fp = 0;
    int tn = 0;
    int fn = 0;
    for (int i = 0; i < observed.length; i++) {
      boolean actual = observed[i] >= threshold;
      boolean called = predicted[i] >= threshold;
      if (actual && called) {
        tp++;
      } else if (!actual && called) {
        fp++;
      } else if (actual) {
        fn++;
      } else {
        tn++;
      }
    }
    double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    double denominator = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
    double mcc = denominator == 0 ? 0 : ((double) tp * tn - (double) fp * fn) / denominator;
    boolean[] positive = new boolean[observed.length];
    for (int i = 0; i < observed.length; i++) {
      positive[i] = observed[i] >= threshold;
    }
    return new ClassificationMetrics(
        threshold, tp, fp, tn, fn, precision, recall, f1, mcc, rocAuc(positive, predicted), averagePrecision(positive, predicted));
  }

  /** Area under the ROC curve by the rank-sum (Mann-Whitney) statistic, ties counted half. */
  static double rocAuc(boolean[] positive, double[] score) {
    int n = score.length;
    Integer[] order = sortedByScore(score, false);
    double[] rank = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
        j++;
      }
      double average = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        rank[order[t]] = average;
      }
      i = j + 1;
    }
    long positives = 0;
    double rankSum = 0;
    for (int t = 0; t < n; t++) {
      if (positive[t]) {
        positives++;
        rankSum += rank[t];
      }
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * Average precision as scikit-learn defines it: sum over thresholds of (R_k - R_{k-1}) P_k, with
   * tied scores forming one threshold.
   */
  static double averagePrecision(boolean[] positive, double[] score) {
    int n = score.length;
    Integer[] order = sortedByScore(score, true);
    long totalPositives = 0;
    for (boolean p : positive) {
      if (p) {
        totalPositives++;
      }
    }
    if (totalPositives == 0) {
      return Double.NaN;
    }
    double ap = 0;
    double previousRecall = 0;
    long tp = 0;
    long seen = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j < n && score[order[j]] == score[order[i]]) {
        if (positive[order[j]]) {
          tp++;
        }
        seen++;
        j++;
      }
      double recall = tp / (double) totalPositives;
      double precision = tp / (double) seen;
      ap += (recall - previousRecall) * precision;
      previousRecall = recall;
      i = j;
    }
    return ap;
  }

  private static Integer[] sortedByScore(double[] score, boolean descending) {
    Integer[] order = new Integer[score.length];
    Arrays.setAll(order, i -> i);
    Comparator<Integer> byScore = Comparator.comparingDouble(i -> score[i]);
    Arrays.sort(order, descending ? byScore.reversed() : byScore);
    return order;
  }
}
