package io.reengage.job.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CLI in its own JVM with everything it prints captured (our log lines and Spark's and
 * Hadoop's, through the same log4j2 configuration as the tests), with extra JVM options and the
 * process handle for tests that kill it.
 */
final class Forked implements AutoCloseable {

  record Result(int exitCode, String output) {
    /** Lines the CLI itself printed ("reengage: ..."), as opposed to log lines. */
    List<String> reengageLines() {
      return output.lines().filter(l -> l.startsWith("reengage:")).toList();
    }

    /** Lines that belong to a printed stack trace. */
    List<String> stackTraceLines() {
      return output
          .lines()
          .filter(
              l ->
                  l.matches("^\\s+at .*")
                      || l.startsWith("Caused by:")
                      || l.matches("^\\s+\\.\\.\\. \\d+ more"))
          .toList();
    }
  }

  private final Process process;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final Thread pump;

  private Forked(Process process) {
    this.process = process;
    this.pump = new Thread(() -> copy(process.getInputStream()), "forked-job-output");
    pump.setDaemon(true);
    pump.start();
  }

  private void copy(InputStream in) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (output) {
          output.write(buf, 0, n);
        }
      }
    } catch (IOException e) {
      // the process went away; what was read is kept
    }
  }

  static Forked start(List<String> jvmOptions, String... args) throws IOException {
    List<String> options = new ArrayList<>();
    options.add("-Duser.timezone=UTC");
    options.addAll(jvmOptions);
    List<String> cmd = io.reengage.job.testing.JobProcess.command(options, args);
    return new Forked(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  static Result run(String... args) throws Exception {
    try (Forked f = start(List.of(), args)) {
      return f.await(5, TimeUnit.MINUTES);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String outputSoFar() {
    synchronized (output) {
      return output.toString(StandardCharsets.UTF_8);
    }
  }

  Result await(long timeout, TimeUnit unit) throws Exception {
    if (!process.waitFor(timeout, unit)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          "the job did not finish in " + timeout + " " + unit + ":\n" + outputSoFar());
    }
    pump.join(10_000);
    return new Result(process.exitValue(), outputSoFar());
  }

  /** SIGKILL, as when a node or container disappears: no shutdown hooks, no finally blocks. */
  Result kill() throws Exception {
    process.destroyForcibly();
    process.waitFor(1, TimeUnit.MINUTES);
    pump.join(10_000);
    return new Result(process.exitValue(), outputSoFar());
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
