package gfa.core;

/**
 * Bad input from the user: a malformed formula, an unknown element, a missing column, a value
 * that is not a number, an element without data for a requested descriptor. The message is a
 * single line that names the offending text (and row, where there is one); the command line maps
 * this exception to exit code 2. Anything else that goes wrong is an internal failure (exit 1).
 */
public class GfaInputException extends RuntimeException {
  public GfaInputException(String message) {
    super(message);
  }

  public GfaInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The same problem, prefixed with where it occurred (e.g. {@code "row 12"}). */
  public GfaInputException at(String where) {
    return new GfaInputException(where + ": " + getMessage(), this);
  }
}
