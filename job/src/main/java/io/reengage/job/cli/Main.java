package io.reengage.job.cli;

import io.reengage.contract.Redaction;
import io.reengage.job.common.ReengageException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The {@code reengage} command: one entry point for spark-submit, EMR Serverless and the launcher.
 */
@Command(
    name = "reengage",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Finds email recipients who stopped engaging (Amazon Pinpoint email events from Kinesis"
          + " Firehose) and writes a Pinpoint segment import CSV.",
      ""
    },
    subcommands = {
      SegmentCommand.class,
      RollupCommand.class,
      CompareCommand.class,
      ReportCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 done; 1 differences found (compare, --cross-check); 2 invalid options;"
          + " 3 run failed (reason on stderr); 4 internal error (rerun with --verbose)."
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /**
   * The command line, with {@code extraCommands} after the product's own (the launcher's tools add
   * {@code generate} this way, so the job's jar holds product commands only) and {@code help} last.
   */
  public static CommandLine commandLine(Object... extraCommands) {
    CommandLine cl = new CommandLine(new Main());
    for (Object command : extraCommands) {
      cl.addSubcommand(command);
    }
    cl.addSubcommand(new CommandLine.HelpCommand());
    cl.setExecutionExceptionHandler(new FailureHandler());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine cmd = ex.getCommandLine();
          cmd.getErr().println("reengage: " + Redaction.redact(ex.getMessage()));
          cmd.getErr()
              .println(
                  "Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
          return ExitCodes.USAGE;
        });
    cl.setExitCodeExceptionMapper(t -> ExitCodes.INTERNAL);
    return cl;
  }

  /** One line on stderr for failures; the stack trace only with --verbose. */
  static final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
      boolean verbose =
          parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
              || parsed.hasMatchedOption("--verbose");
      Throwable root = userFacing(ex);
      int code;
      String line;
      if (root instanceof io.reengage.job.crosscheck.CrossCheckMismatchException) {
        line = root.getMessage();
        code = ExitCodes.DIFFERENT;
      } else if (root instanceof ReengageException) {
        line = root.getMessage();
        code = ExitCodes.FAILED;
      } else if (root instanceof IllegalArgumentException) {
        line = root.getMessage();
        code = ExitCodes.USAGE;
      } else {
        line =
            "unexpected failure: "
                + ex.getClass().getName()
                + ": "
                + firstLine(ex.getMessage())
                + (verbose ? "" : " (rerun with --verbose for the stack trace)");
        code = ExitCodes.INTERNAL;
      }
      cmd.getErr().println("reengage: " + Redaction.redact(line));
      if (verbose) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        cmd.getErr().println(Redaction.redact(trace.toString()));
      }
      cmd.getErr().flush();
      return code;
    }

    private static Throwable userFacing(Throwable t) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (c instanceof ReengageException) {
          return c;
        }
      }
      return t;
    }

    private static String firstLine(String s) {
      if (s == null) {
        return "";
      }
      int nl = s.indexOf('\n');
      return nl < 0 ? s : s.substring(0, nl);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"reengage " + (v == null ? "(development build)" : v)};
    }
  }
}
