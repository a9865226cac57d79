package gfa.models.training;

import gfa.models.search.Trial;
import java.time.Duration;

/**
 * Told how a training run advances, e.g. to draw a progress bar. All methods default to nothing.
 * When the learners' searches run side by side, one {@code searchStarted} announces them all ("tune
 * 4 learners", with their trials summed) and {@code trialFinished} comes from several threads at once, each call naming its
 * learner: implementations must be thread-safe.
 */
public interface TrainingListener {
  /** A search starts: {@code name} is a learner id or {@code fusion}. */
  default void searchStarted(String name, int maxTrials) {}

  default void trialFinished(String name, Trial trial, Trial best, Duration elapsed) {}

  default void searchFinished(String name) {}

  /** The final models are being fitted on all rows. */
  default void refitting(String learner) {}

  TrainingListener NONE = new TrainingListener() {};
}
