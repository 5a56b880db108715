package io.reengage.job.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar that runs in production (spark-submit, EMR Serverless) holds the product's commands and
 * its one shaded library, and none of the developer tools (generator, benchmarks), which live in
 * the tools module. Run by Failsafe after {@code package}, on the shaded jar itself.
 */
class JobJarContentsTest {

  private static final Path JAR =
      Path.of(System.getProperty("reengage.jar", "target/reengage-job.jar"));
  private static List<String> entries;
  private static String mainClass;

  @BeforeAll
  static void read() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      entries = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
      mainClass = jar.getManifest().getMainAttributes().getValue("Main-Class");
    }
  }

  @Test
  void holdsTheProductCommands_andStartsTheJobsMain() {
    assertThat(entries)
        .contains(
            "io/reengage/job/cli/Main.class",
            "io/reengage/job/cli/SegmentCommand.class",
            "io/reengage/job/cli/RollupCommand.class",
            "io/reengage/job/cli/CompareCommand.class");
    assertThat(mainClass).isEqualTo("io.reengage.job.cli.Main");
  }

  @Test
  void holdsNoGeneratorNorBenchmarkClasses() {
    assertThat(entries)
        .as("developer tools belong to job/tools")
        .noneMatch(e -> e.startsWith("io/reengage/job/generate/"))
        .noneMatch(e -> e.startsWith("io/reengage/job/bench/"))
        .noneMatch(e -> e.startsWith("io/reengage/job/tools/"));
  }

  @Test
  void holdsTheReportsChartingLibrary_andNoNodeModules() {
    assertThat(entries)
        .contains(
            "io/reengage/job/report/assets/vega/build/vega.min.js",
            "io/reengage/job/report/assets/vega-lite/build/vega-lite.min.js",
            "io/reengage/job/report/assets/vega/LICENSE",
            "io/reengage/job/report/assets/vega-lite/LICENSE")
        .noneMatch(e -> e.contains("node_modules"));
  }

  @Test
  void picocliIsRelocated_soItCannotClashWithAnotherCopyOnTheClusterClasspath() {
    assertThat(entries).contains("io/reengage/shaded/picocli/CommandLine.class");
    assertThat(entries).noneMatch(e -> e.startsWith("picocli/"));
  }
}
