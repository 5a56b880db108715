package io.reengage.orchestrator.packaging;

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
 * The Lambda jar carries the Pinpoint and S3 clients the Lambdas call and none of the operator
 * tool's (EMR Serverless, Step Functions, Athena, CloudFormation), which live in the ops module: a
 * smaller jar loads faster on a cold start. Run by Failsafe after {@code package}, on the jar.
 */
class LambdaJarContentsTest {

  private static final Path JAR =
      Path.of(System.getProperty("reengage.jar", "target/reengage-orchestrator.jar"));
  private static List<String> entries;

  @BeforeAll
  static void read() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      entries = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void holdsTheLambdas_andTheClientsTheyCall() {
    assertThat(entries)
        .contains(
            "io/reengage/orchestrator/lambda/StartImportHandler.class",
            "io/reengage/orchestrator/lambda/TagSegmentHandler.class",
            "software/amazon/awssdk/services/pinpoint/PinpointClient.class",
            "software/amazon/awssdk/services/s3/S3Client.class");
  }

  @Test
  void holdsNoOperatorClient_norTheOperatorTool() {
    assertThat(entries)
        .noneMatch(e -> e.startsWith("software/amazon/awssdk/services/emrserverless/"))
        .noneMatch(e -> e.startsWith("software/amazon/awssdk/services/sfn/"))
        .noneMatch(e -> e.startsWith("software/amazon/awssdk/services/athena/"))
        .noneMatch(e -> e.startsWith("software/amazon/awssdk/services/cloudformation/"))
        .noneMatch(e -> e.startsWith("io/reengage/orchestrator/ops/"))
        .noneMatch(e -> e.startsWith("picocli/"));
  }
}
