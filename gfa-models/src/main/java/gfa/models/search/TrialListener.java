package gfa.models.search;

import java.time.Duration;

/** Told about every finished trial, in order, e.g. to draw a progress bar. */
@FunctionalInterface
public interface TrialListener {
  /**
   * @param trial the trial that just finished
   * @param best the best trial so far (possibly {@code trial} itself)
   * @param elapsed time since the search started, including the search's own work
   */
  void trialFinished(Trial trial, Trial best, Duration elapsed);
}
