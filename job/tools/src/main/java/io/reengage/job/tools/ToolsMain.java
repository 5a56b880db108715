package io.reengage.job.tools;

import io.reengage.job.cli.Main;
import io.reengage.job.generate.GenerateCommand;

/**
 * The launcher's entry point: the job's own commands (segment, rollup, compare) plus {@code
 * generate}, which writes synthetic events and has no place in the jar that runs in production.
 * Every job command behaves exactly as through {@link Main}: this only adds a subcommand.
 */
public final class ToolsMain {

  private ToolsMain() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    return Main.commandLine(new GenerateCommand()).execute(args);
  }
}
