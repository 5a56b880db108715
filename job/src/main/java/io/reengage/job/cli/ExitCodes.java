package io.reengage.job.cli;

/** Process exit codes, documented in the README. */
public final class ExitCodes {
  /** The run did what was asked. */
  public static final int OK = 0;

  /** {@code compare} or {@code --cross-check} found differing rows. */
  public static final int DIFFERENT = 1;

  /** Invalid options or arguments; nothing was read or written. */
  public static final int USAGE = 2;

  /**
   * The run failed for a reason it explains (missing input, too many bad records, unwritable
   * output).
   */
  public static final int FAILED = 3;

  /** An unexpected internal error; rerun with --verbose and report it. */
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
