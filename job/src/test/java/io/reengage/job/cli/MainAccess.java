package io.reengage.job.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Lets tests in other packages run the CLI in-process, with its console output captured. */
public final class MainAccess {

  private MainAccess() {}

  public static int run(String... args) {
    picocli.CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    if (code != 0) {
      System.err.println(err);
    }
    return code;
  }
}
