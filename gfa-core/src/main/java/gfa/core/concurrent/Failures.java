package gfa.core.concurrent;

import java.util.concurrent.ExecutionException;

/**
 * What a task run on another thread threw, taken out of the {@link ExecutionException} its future
 * wraps it in, so that callers see the task's own failure (an input error stays an input error, an
 * out-of-memory error stays one). An {@link Error} is rethrown at once by both methods.
 */
public final class Failures {
  private Failures() {}

  /** The task's exception, for callers that may throw any exception: {@code throw Failures.checked(e)}. */
  public static Exception checked(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof Error error) {
      throw error;
    }
    return cause instanceof Exception exception ? exception : e;
  }

  /**
   * The task's exception, for callers that throw unchecked ones only: a checked exception comes
   * wrapped in an {@link IllegalStateException}. {@code throw Failures.unchecked(e)}.
   */
  public static RuntimeException unchecked(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof Error error) {
      throw error;
    }
    return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause == null ? e : cause);
  }
}
