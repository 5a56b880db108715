package io.reengage.infra.compute;

import static io.reengage.infra.Policies.allow;

import io.reengage.infra.Trust;
import io.reengage.infra.config.Settings;
import io.reengage.infra.storage.DataLocations;
import io.reengage.infra.storage.S3Access;
import io.reengage.infra.storage.S3Prefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.emrserverless.CfnApplication;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.constructs.Construct;

/**
 * The EMR Serverless application that runs the job, the job jar it runs, and the role a job run
 * assumes. The role reads the events, reads and writes the run outputs and rollups, writes logs,
 * and reads the jar: nothing else.
 */
public final class SparkJobs extends Construct {

  /** Where EMR Serverless keeps the Java 17 runtime on each architecture (EMR 7.x images). */
  private static final Map<String, String> JAVA_17_HOME =
      Map.of(
          "X86_64", "/usr/lib/jvm/java-17-amazon-corretto.x86_64/",
          "ARM64", "/usr/lib/jvm/java-17-amazon-corretto.aarch64/");

  private final CfnApplication application;
  private final Role jobRole;
  private final Asset jobJar;

  /**
   * @param readsAthenaResults whether job runs compare against Athena's results (the cross-check)
   */
  public SparkJobs(
      Construct scope,
      String id,
      Settings.Emr settings,
      Path jobJarFile,
      DataLocations locations,
      boolean readsAthenaResults,
      Settings.JobOptions jobOptions) {
    super(scope, id);
    jobJar = Asset.Builder.create(this, "JobJar").path(requireFile(jobJarFile).toString()).build();

    String javaHome = JAVA_17_HOME.get(settings.architecture());
    application =
        CfnApplication.Builder.create(this, "Application")
            .name(Stack.of(this).getStackName().toLowerCase())
            .type("Spark")
            .releaseLabel(settings.releaseLabel())
            .architecture(settings.architecture())
            .autoStartConfiguration(
                CfnApplication.AutoStartConfigurationProperty.builder().enabled(true).build())
            .autoStopConfiguration(
                CfnApplication.AutoStopConfigurationProperty.builder()
                    .enabled(true)
                    .idleTimeoutMinutes(settings.idleTimeoutMinutes())
                    .build())
            // The cap bounds the cost of any run, including a backfill over years.
            .maximumCapacity(
                CfnApplication.MaximumAllowedResourcesProperty.builder()
                    .cpu(settings.maxCpu())
                    .memory(settings.maxMemory())
                    .disk(settings.maxDisk())
                    .build())
            // EMR 7.x already defaults to Java 17; pinning it keeps a later default from changing
            // the runtime
            // under the job, which is compiled for 17.
            .runtimeConfiguration(
                List.of(
                    CfnApplication.ConfigurationObjectProperty.builder()
                        .classification("spark-defaults")
                        .properties(
                            Map.of(
                                "spark.emr-serverless.driverEnv.JAVA_HOME", javaHome,
                                "spark.executorEnv.JAVA_HOME", javaHome))
                        .build()))
            .monitoringConfiguration(
                CfnApplication.MonitoringConfigurationProperty.builder()
                    .s3MonitoringConfiguration(
                        CfnApplication.S3MonitoringConfigurationProperty.builder()
                            .logUri(locations.logs().uri())
                            .build())
                    .build())
            .build();

    jobRole =
        Role.Builder.create(this, "JobRole")
            .assumedBy(Trust.service(this, "emr-serverless.amazonaws.com"))
            .description("EMR Serverless job runs of reengage: read events, write runs and rollups")
            .build();
    S3Access.read(locations.events()).forEach(jobRole::addToPolicy);
    locations
        .eventsKmsKeyArn()
        .ifPresent(key -> jobRole.addToPolicy(allow(List.of("kms:Decrypt"), List.of(key))));
    int root = 0;
    for (String uri : jobOptions.extraEventsUris()) {
      S3Access.read(folder(uri, "ExtraEvents" + root++)).forEach(jobRole::addToPolicy);
    }
    jobOptions
        .machineOpenIpsUri()
        .ifPresent(
            uri ->
                jobRole.addToPolicy(
                    allow(
                        List.of("s3:GetObject"),
                        List.of(
                            "arn:" + Aws.PARTITION + ":s3:::" + uri.substring("s3://".length())))));
    S3Access.readWrite(locations.runs()).forEach(jobRole::addToPolicy);
    S3Access.readWrite(locations.rollups()).forEach(jobRole::addToPolicy);
    if (readsAthenaResults) {
      S3Access.read(locations.athenaResults()).forEach(jobRole::addToPolicy);
    }
    jobRole.addToPolicy(S3Access.writeOnly(locations.logs()));
    // Only the jar object, not the CDK asset bucket that holds every asset of the account.
    jobRole.addToPolicy(
        allow(
            List.of("s3:GetObject"),
            List.of(
                "arn:"
                    + Aws.PARTITION
                    + ":s3:::"
                    + jobJar.getS3BucketName()
                    + "/"
                    + jobJar.getS3ObjectKey())));
  }

  /** An {@code s3://bucket/prefix/} folder of the settings (already validated) as a prefix. */
  private S3Prefix folder(String uri, String id) {
    String rest = uri.substring("s3://".length());
    int slash = rest.indexOf('/');
    return S3Prefix.of(
        Bucket.fromBucketName(this, id, rest.substring(0, slash)), rest.substring(slash + 1));
  }

  private static Path requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          String.format(
              "Cannot synthesise the stack: job jar %s does not exist (build it first with"
                  + " './mvnw -pl infra -am package', or point -c jobJar=PATH at a built jar)",
              file));
    }
    return file;
  }

  public String applicationId() {
    return application.getAttrApplicationId();
  }

  public String applicationArn() {
    return application.getAttrArn();
  }

  public Role jobRole() {
    return jobRole;
  }

  /** {@code s3://...} of the job jar, the EntryPoint of every job run. */
  public String jobJarUri() {
    return jobJar.getS3ObjectUrl();
  }
}
