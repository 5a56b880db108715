package io.reengage.sql.testing;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs several job command lines, one after the other, in the JVM {@link JobCli} starts: each through the
 * job's own entry point {@code io.reengage.job.cli.Main.execute}, which parses, runs and stops its Spark
 * session exactly as {@code main} does, only without {@code System.exit}. Reusing the JVM saves Spark's
 * start-up and warm-up for every run after the first (about 40 s to 8 s here).
 *
 * <p>Arguments: a file with one command line per line, arguments separated by tabs; a file to append one
 * exit code per line to, written as each run ends. Only the job's classes are used, by reflection, so this
 * class needs nothing of Trino's classpath.
 */
public final class JobBatchMain {

  private JobBatchMain() {}

  public static void main(String[] args) throws Exception {
    List<String> runs = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    Path codes = Path.of(args[1]);
    Method execute = Class.forName("io.reengage.job.cli.Main").getMethod("execute", String[].class);
    PrintStream out = System.out;
    for (int i = 0; i < runs.size(); i++) {
      String[] argv = runs.get(i).split("\t");
      out.println("=== run " + i + ": " + String.join(" ", argv));
      int code;
      try {
        code = (Integer) execute.invoke(null, (Object) argv);
      } catch (ReflectiveOperationException | RuntimeException e) {
        e.printStackTrace(out);
        code = -1;
      }
      out.println("=== run " + i + " exit " + code);
      out.flush();
      Files.writeString(
          codes,
          code + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
    System.exit(0);
  }
}
