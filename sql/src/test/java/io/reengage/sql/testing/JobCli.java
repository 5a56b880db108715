package io.reengage.sql.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built job as its launcher does, {@code java -cp job/tools/target/reengage-tools.jar:<its
 * runtime classpath>} (the job's classes, Spark, and the tools, whose generator the runs use) with
 * the launcher's JVM options, in a separate JVM so Spark's dependencies never meet Trino's. Several
 * command lines share one JVM ({@code sql/src/test/spark/JobBatch.java}, run as a single-file
 * source program against the job's classpath); the process runs while the caller works on Trino.
 */
public final class JobCli {

  /**
   * The JVM options file with the packages Spark needs opened on Java 17 ({@code
   * conf/spark-java17.args}, the launcher's list), as a {@code java @file} argument.
   */
  private static String javaArgsFile() {
    return "@" + QueryTexts.repositoryRoot().resolve("conf/spark-java17.args");
  }

  private JobCli() {}

  /** A started batch of runs. */
  public static final class Batch {
    private final Process process;
    private final Path log;
    private final Path codes;
    private final int runs;
    private List<Integer> exitCodes;

    private Batch(Process process, Path log, Path codes, int runs) {
      this.process = process;
      this.log = log;
      this.codes = codes;
      this.runs = runs;
    }

    /** Waits for every run; the exit code of each, in order. */
    public synchronized List<Integer> await() throws IOException, InterruptedException {
      if (exitCodes == null) {
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
          process.destroyForcibly().waitFor();
          throw new AssertionError("the job runs did not finish in 10 minutes:\n" + log());
        }
        List<Integer> found = codes();
        if (process.exitValue() != 0 || found.size() != runs) {
          throw new AssertionError(
              "the job JVM exited "
                  + process.exitValue()
                  + " after "
                  + found.size()
                  + " of "
                  + runs
                  + " runs:\n"
                  + log());
        }
        exitCodes = found;
      }
      return exitCodes;
    }

    /**
     * Waits until the first {@code n} runs have ended (the later ones may still be going) and
     * returns their exit codes.
     */
    public List<Integer> awaitFirst(int n) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (true) {
        List<Integer> found = codes();
        if (found.size() >= n) {
          return found.subList(0, n);
        }
        if (!process.isAlive()) {
          throw new AssertionError(
              "the job JVM exited "
                  + process.exitValue()
                  + " after "
                  + found.size()
                  + " of "
                  + runs
                  + " runs:\n"
                  + log());
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "the first " + n + " job runs did not finish in 10 minutes:\n" + log());
        }
        Thread.sleep(100);
      }
    }

    private List<Integer> codes() throws IOException {
      List<Integer> found = new ArrayList<>();
      if (Files.exists(codes)) {
        for (String line : Files.readAllLines(codes)) {
          if (!line.isBlank()) {
            found.add(Integer.parseInt(line.strip()));
          }
        }
      }
      return found;
    }

    /** Ends the JVM if it is still running. */
    public void stop() throws InterruptedException {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor();
      }
    }

    /** Everything the runs printed (the job prints counts, never addresses). */
    public String log() throws IOException {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
  }

  public static String classpath() throws IOException {
    Path target = QueryTexts.repositoryRoot().resolve("job/tools/target");
    Path jar = target.resolve("reengage-tools.jar");
    Path cp = target.resolve("runtime-classpath.txt");
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(cp)) {
      throw new IllegalStateException(
          "Cannot find "
              + jar
              + " and "
              + cp
              + " (build the job first: ./mvnw -pl sql -am verify)");
    }
    return jar + File.pathSeparator + Files.readString(cp).strip();
  }

  /** Starts the runs (each a job command line) in one new JVM and returns at once. */
  public static Batch start(Path workDir, List<List<String>> runs) throws IOException {
    Files.createDirectories(workDir);
    Path runFile = workDir.resolve("runs.tsv");
    List<String> lines = new ArrayList<>();
    for (List<String> run : runs) {
      for (String arg : run) {
        if (arg.contains("\t") || arg.contains("\n")) {
          throw new IllegalArgumentException("a job argument holds a tab or line break: " + arg);
        }
      }
      lines.add(String.join("\t", run));
    }
    Files.write(runFile, lines, StandardCharsets.UTF_8);
    Path codes = workDir.resolve("exit-codes.txt");
    Files.deleteIfExists(codes);
    Path log = workDir.resolve("job.log");

    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add(javaArgsFile());
    cmd.add("-Duser.timezone=UTC");
    cmd.add("-Dspark.master=local[2]");
    cmd.add("-Dspark.ui.enabled=false");
    cmd.add("-Dspark.ui.showConsoleProgress=false");
    cmd.add("-Dspark.driver.host=127.0.0.1");
    cmd.add("-Dspark.sql.shuffle.partitions=4");
    cmd.add(
        "-Dlog4j2.configurationFile="
            + QueryTexts.repositoryRoot().resolve("conf/log4j2.properties"));
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add(QueryTexts.repositoryRoot().resolve("sql/src/test/spark/JobBatch.java").toString());
    cmd.add(runFile.toString());
    cmd.add(codes.toString());
    // Output goes to a file, not a pipe, so a run that prints a lot can never block on a full pipe.
    Process process =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new Batch(process, log, codes, runs.size());
  }
}
