package gfa.cli;

import gfa.models.eval.Scoring;
import gfa.models.search.Trial;
import gfa.models.training.TrainingListener;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One progress bar per search (trials, best score, time left), on stderr. Searches run side by
 * side share one bar, which shows each learner's best so far; trials of those searches end on
 * several threads, hence the locking.
 */
final class SearchProgress implements TrainingListener, AutoCloseable {

  private final CommonOptions common;
  private Progress bar;
  private String started; // the name the bar was started with
  private final Map<String, Double> bestScores = new LinkedHashMap<>();

  SearchProgress(CommonOptions common) {
    this.common = common;
  }

  @Override
  public synchronized void searchStarted(String name, int maxTrials) {
    close();
    bestScores.clear();
    started = name;
    // a learner's or the fusion's search; other work (a second cross-validation, the learners'
    // searches side by side) names itself
    bar = Progress.start(name.contains(" ") ? name : "tune " + name, maxTrials, common);
  }

  @Override
  public synchronized void trialFinished(String name, Trial trial, Trial best, Duration elapsed) {
    if (bar != null) {
      bar.step(1);
      // the search minimises the score negated; the bar shows the score under its name
      Scoring scoring = name.equals("fusion") ? Scoring.R2 : Scoring.NEG_RMSE;
      bestScores.put(name, scoring.score(best.loss()));
      if (name.equals(started)) { // one search on the bar
        bar.message(String.format(Locale.ROOT, "best CV %s %.4f", scoring.id(), scoring.score(best.loss())));
      } else { // the learners' searches side by side: each learner's own best
        // each learner's best CV RMSE so far, e.g. "best RMSE svr 0.781 rf 0.823 xgboost 0.752"
        StringJoiner each = new StringJoiner(" ", "best RMSE ", "");
        bestScores.forEach((learner, score) -> each.add(String.format(Locale.ROOT, "%s %.3f", learner, Math.abs(score))));
        bar.message(each.toString());
      }
    }
  }

  @Override
  public synchronized void searchFinished(String name) {
    if (bar != null) {
      bar.finishEarly();
    }
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
