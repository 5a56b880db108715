package io.reengage.job.crosscheck;

import io.reengage.job.common.ReengageException;

/** The Dataset rules and the SQL port disagreed; the CLI exits with the "different" code. */
public final class CrossCheckMismatchException extends ReengageException {

  private static final long serialVersionUID = 1L;

  public CrossCheckMismatchException(String message) {
    super(message);
  }
}
