package io.reengage.infra;

import io.reengage.infra.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * Entry point of the CDK app: reads the settings, builds the one stack, tags everything,
 * synthesises.
 *
 * <p>Run by the CDK CLI through {@code cdk.json}, or by {@code ./mvnw -pl infra -am package}, which
 * writes the cloud assembly to {@code infra/cdk.out} without the CLI.
 */
public final class InfraApp {

  /** Tags on every resource that supports them. */
  public static final Map<String, String> TAGS =
      Map.of(
          "project", "reengage",
          "managed-by", "aws-cdk",
          "data-classification", "personal");

  private InfraApp() {}

  public static void main(String[] args) {
    try {
      App app =
          app(
              System.getenv("CDK_OUTDIR") == null
                  ? System.getProperty("reengage.cdk.outdir")
                  : null);
      build(app, repoRoot());
      app.synth();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // Settings and missing-artifact errors already say what and how to fix: no stack trace.
      System.err.println("reengage infra: " + e.getMessage());
      System.exit(2);
    }
  }

  /** An app writing to {@code outdir}, or where the CDK CLI says ({@code CDK_OUTDIR}) when null. */
  static App app(String outdir) {
    return outdir == null ? new App() : new App(AppProps.builder().outdir(outdir).build());
  }

  /** Adds the stack to {@code app} and tags it; settings come from the app's context. */
  public static ReengageStack build(App app, Path repoRoot) {
    Settings settings = Settings.fromContext(key -> app.getNode().tryGetContext(key), repoRoot);
    // Environment-agnostic: account and region stay CloudFormation pseudo parameters, so the same
    // template deploys anywhere and synthesis needs no AWS credentials.
    StackProps props =
        StackProps.builder()
            .stackName(settings.stackName())
            .description(
                "reengage: unengaged email recipients from Pinpoint events, Spark on EMR Serverless")
            .build();
    ReengageStack stack = new ReengageStack(app, settings.stackName(), props, settings);
    TAGS.forEach((key, value) -> Tags.of(app).add(key, value));
    return stack;
  }

  /**
   * The repository root, which relative artifact paths start from: set by Maven, else the parent of
   * infra/ when run from there (as the CDK CLI does), else the working folder.
   */
  static Path repoRoot() {
    String configured = System.getProperty("reengage.repo.root");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path cwd = Path.of("").toAbsolutePath();
    return Files.isRegularFile(cwd.resolve("cdk.json")) && cwd.getParent() != null
        ? cwd.getParent()
        : cwd;
  }
}
