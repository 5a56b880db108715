package io.reengage.job.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real CLI in a separate JVM, as a user would, and captures everything it prints: our
 * logs, Spark's and Hadoop's at their default levels, and the exit code.
 */
public final class JobProcess {

  /** Exit code and the combined stdout and stderr. */
  public record Result(int exitCode, String output) {}

  /**
   * The JVM options file with the packages Spark needs opened on Java 17 ({@code
   * conf/spark-java17.args}, the launcher's list), as a {@code java @file} argument.
   */
  static String javaArgsFile() {
    String file = System.getProperty("reengage.javaArgsFile");
    if (file == null) {
      throw new IllegalStateException(
          "system property reengage.javaArgsFile is not set; run the tests through Maven, or set it"
              + " to conf/spark-java17.args of the repository");
    }
    return "@" + file;
  }

  private JobProcess() {}

  public static Result run(String... args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command(List.of(), args)).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("job process did not finish in 5 minutes");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /**
   * The command line that runs the CLI with {@code args}; {@code jvmOptions} come last, so they
   * win.
   */
  public static List<String> command(List<String> jvmOptions, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + "/bin/java");
    cmd.add("-Xmx1g");
    cmd.add(javaArgsFile());
    cmd.add("-Dspark.master=local[2]");
    cmd.add("-Dspark.ui.enabled=false");
    cmd.add("-Dspark.driver.host=127.0.0.1");
    cmd.add("-Dspark.sql.shuffle.partitions=4");
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.reengage.job.cli.Main");
    cmd.addAll(List.of(args));
    return cmd;
  }
}
