package io.reengage.job.common;

/**
 * A failure the user can act on: the message says what went wrong, where, and how to fix it, in one
 * line, and never contains an email address. The CLI prints it without a stack trace.
 */
public class ReengageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReengageException(String message) {
    super(message);
  }

  public ReengageException(String message, Throwable cause) {
    super(message, cause);
  }
}
