package gfa.cli;

import gfa.models.eval.Scoring;
import gfa.models.search.Trial;
import gfa.models.training.TrainingListener;
import java.time.Duration;
import java.util.Locale;

/** One progress bar per search (trials, best score, time left), on stderr. */
final class SearchProgress implements TrainingListener, AutoCloseable {

  private final CommonOptions common;
  private Progress bar;

  SearchProgress(CommonOptions common) {
    this.common = common;
  }

  @Override
  public void searchStarted(String name, int maxTrials) {
    close();
    // a learner's or the fusion's search; other work (a second cross-validation) names itself
    bar = Progress.start(name.contains(" ") ? name : "tune " + name, maxTrials, common);
  }

  @Override
  public void trialFinished(String name, Trial trial, Trial best, Duration elapsed) {
    if (bar != null) {
      bar.step(1);
      // the search minimises the score negated; the bar shows the score under its name
      Scoring scoring = name.equals("fusion") ? Scoring.R2 : Scoring.NEG_RMSE;
      String score = String.format(Locale.ROOT, "best CV %s %.4f", scoring.id(), scoring.score(best.loss()));
      bar.message(score);
    }
  }

  @Override
  public void searchFinished(String name) {
    if (bar != null) {
      bar.finishEarly();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
