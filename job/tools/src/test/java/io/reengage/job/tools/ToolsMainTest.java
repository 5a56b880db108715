package io.reengage.job.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ToolsMainTest {

  private static String stdoutOf(Runnable run) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void launcherCommandLine_offersTheJobsCommandsAndGenerate() {
    String help = stdoutOf(() -> assertThat(ToolsMain.execute("--help")).isZero());
    assertThat(help).contains("segment", "rollup", "compare", "generate", "help");
    assertThat(help.indexOf("generate"))
        .as("generate after the product's commands")
        .isGreaterThan(help.indexOf("compare"));
  }

  @Test
  void jobsOwnCommandLine_hasNoGenerate() {
    String help = stdoutOf(() -> assertThat(Main.execute("--help")).isZero());
    assertThat(help).contains("segment", "rollup", "compare").doesNotContain("generate");
  }

  @Test
  void generateHelp_explainsTheOptions() {
    String help = stdoutOf(() -> assertThat(ToolsMain.execute("generate", "--help")).isZero());
    assertThat(help).contains("--out", "--addresses", "--seed");
  }
}
