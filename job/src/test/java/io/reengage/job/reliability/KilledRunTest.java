package io.reengage.job.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.cli.ExitCodes;
import io.reengage.job.testing.ImportFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job is killed (SIGKILL) while it writes its CSV parts: nothing is published, and the next run
 * into the same folder publishes the expected rows. {@link BlockingFileSystem} holds the job at its
 * first part file so the kill lands there every time.
 */
class KilledRunTest {

  @TempDir static Path tmp;
  static Path out;
  static String blockedAt;
  static Forked.Result killed;
  static List<String> leftAfterKill;
  static Cli.Result rerun;

  @BeforeAll
  static void killWhileWritingThenRerun() throws Exception {
    out = tmp.resolve("out");
    Path marker = tmp.resolve("blocked");
    List<String> args =
        new ArrayList<>(
            List.of(
                "segment",
                "--events",
                Corpora.EVENTS.toString(),
                "--out",
                "blocking://" + out.toAbsolutePath()));
    args.addAll(List.of(Corpora.AS_OF));
    try (Forked job =
        Forked.start(
            List.of(
                "-Dspark.hadoop.fs."
                    + BlockingFileSystem.SCHEME
                    + ".impl="
                    + BlockingFileSystem.class.getName(),
                "-D" + BlockingFileSystem.MARKER_PROPERTY + "=" + marker),
            args.toArray(String[]::new))) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (!Files.exists(marker)) {
        if (!job.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError(
              "the job never reached its first part file:\n" + job.outputSoFar());
        }
        Thread.sleep(100);
      }
      blockedAt = Files.readString(marker);
      killed = job.kill();
    }
    try (var files = Files.walk(out)) {
      leftAfterKill =
          files.map(p -> out.relativize(p).toString()).filter(s -> !s.isEmpty()).sorted().toList();
    }
    List<String> again =
        new ArrayList<>(
            List.of("segment", "--events", Corpora.EVENTS.toString(), "--out", out.toString()));
    again.addAll(List.of(Corpora.AS_OF));
    rerun = Cli.run(again.toArray(String[]::new));
  }

  @Test
  void theKillLandedWhileAPartFileWasBeingWritten() {
    assertThat(blockedAt).contains("/_staging-").contains("/import/part-");
    assertThat(killed.exitCode()).as(killed.output()).isNotEqualTo(ExitCodes.OK);
    assertThat(leftAfterKill)
        .as("the half-written part exists")
        .anyMatch(p -> p.contains("import/part-"));
  }

  @Test
  void nothingWasPublished() {
    assertThat(leftAfterKill)
        .doesNotContain("summary.json", "import")
        .allMatch(p -> p.startsWith("_staging-"));
  }

  @Test
  void theRerunPublishesTheExpectedRows() throws Exception {
    assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCodes.OK);
    assertThat(ImportFolder.sortedRows(out.resolve("import")))
        .isEqualTo(ImportFolder.expectedRows(Corpora.EXPECTED));
  }

  @Test
  void theRerunLeavesNothingOfTheKilledRunBehind() throws Exception {
    assertThat(ImportFolder.fileNames(out))
        .containsExactly("import", "report.html", "summary.json");
  }
}
