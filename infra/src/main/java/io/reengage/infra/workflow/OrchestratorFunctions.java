package io.reengage.infra.workflow;

import static io.reengage.infra.Policies.allow;

import io.reengage.infra.config.LogRetention;
import io.reengage.infra.pinpoint.PinpointProject;
import io.reengage.infra.storage.S3Access;
import io.reengage.infra.storage.S3Prefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The Lambdas of the workflow (ReadSummary always, the three Pinpoint ones only with a project),
 * one shared jar, each with its own role and log group so each may do only its own step: read a run
 * summary, start an import, read an import's status, tag a segment.
 */
public final class OrchestratorFunctions extends Construct {

  static final String HANDLER_PACKAGE = "io.reengage.orchestrator.lambda.";

  /** Environment variables the handlers read (orchestrator/README.md). */
  static final String ENV_APPLICATION_ID = "PINPOINT_APPLICATION_ID";

  static final String ENV_IMPORT_ROLE_ARN = "IMPORT_ROLE_ARN";
  static final String ENV_SEGMENT_NAME = "SEGMENT_NAME";

  private final Function readSummary;
  private final Optional<PinpointFunctions> pinpointFunctions;

  /** The three Lambdas of the Pinpoint destination. */
  public record PinpointFunctions(
      Function startImport, Function importStatus, Function tagSegment) {}

  /**
   * @param pinpoint the project to import into, or empty for a deployment without Pinpoint: then
   *     only ReadSummary exists, and no role names Pinpoint
   */
  public OrchestratorFunctions(
      Construct scope,
      String id,
      Path lambdaJar,
      int logRetentionDays,
      Optional<PinpointProject> pinpoint,
      String segmentName,
      S3Prefix runs) {
    super(scope, id);
    Code code = Code.fromAsset(requireFile(lambdaJar).toString());

    readSummary = function("ReadSummary", code, logRetentionDays, Map.of());
    readSummary
        .getRole()
        .addToPrincipalPolicy(
            allow(List.of("s3:GetObject"), List.of(runs.objectsArn("*/summary.json"))));

    pinpointFunctions =
        pinpoint.map(
            project -> pinpointFunctions(project, code, logRetentionDays, segmentName, runs));
  }

  private PinpointFunctions pinpointFunctions(
      PinpointProject pinpoint,
      Code code,
      int logRetentionDays,
      String segmentName,
      S3Prefix runs) {
    String app = pinpoint.projectArn();
    Function startImport =
        function(
            "StartImport",
            code,
            logRetentionDays,
            Map.of(
                ENV_APPLICATION_ID, pinpoint.projectId(),
                ENV_IMPORT_ROLE_ARN, pinpoint.importRole().getRoleArn(),
                ENV_SEGMENT_NAME, segmentName));
    // Lists the import folder first, to refuse an empty or mixed folder before Pinpoint sees it.
    startImport.getRole().addToPrincipalPolicy(S3Access.list(runs));
    startImport
        .getRole()
        .addToPrincipalPolicy(
            allow(List.of("mobiletargeting:GetSegments"), List.of(app, app + "/segments")));
    startImport
        .getRole()
        .addToPrincipalPolicy(
            allow(List.of("mobiletargeting:CreateImportJob"), List.of(app, app + "/jobs/import")));
    startImport
        .getRole()
        .addToPrincipalPolicy(
            allow(List.of("iam:PassRole"), List.of(pinpoint.importRole().getRoleArn())));

    Function importStatus =
        function(
            "ImportStatus",
            code,
            logRetentionDays,
            Map.of(ENV_APPLICATION_ID, pinpoint.projectId()));
    importStatus
        .getRole()
        .addToPrincipalPolicy(
            allow(List.of("mobiletargeting:GetImportJob"), List.of(app + "/jobs/import/*")));

    Function tagSegment =
        function(
            "TagSegment", code, logRetentionDays, Map.of(ENV_APPLICATION_ID, pinpoint.projectId()));
    tagSegment
        .getRole()
        .addToPrincipalPolicy(
            allow(List.of("mobiletargeting:TagResource"), List.of(app + "/segments/*")));
    return new PinpointFunctions(startImport, importStatus, tagSegment);
  }

  private Function function(
      String name, Code code, int logRetentionDays, Map<String, String> environment) {
    LogGroup logs =
        LogGroup.Builder.create(this, name + "Logs")
            .retention(LogRetention.of(logRetentionDays))
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    // An own role instead of the default one, which would attach AWSLambdaBasicExecutionRole (logs
    // on "*").
    Role role =
        Role.Builder.create(this, name + "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description("reengage " + name + " Lambda")
            .build();
    logs.grantWrite(role);
    return Function.Builder.create(this, name)
        .description("reengage: " + name)
        .runtime(Runtime.JAVA_17)
        .architecture(Architecture.ARM_64)
        .handler(HANDLER_PACKAGE + name + "Handler::handleRequest")
        .code(code)
        .memorySize(512)
        .timeout(Duration.minutes(2))
        .role(role)
        .logGroup(logs)
        .environment(environment)
        .build();
  }

  private static Path requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          String.format(
              "Cannot synthesise the stack: Lambda jar %s does not exist (build it first with"
                  + " './mvnw -pl infra -am package', or point -c lambdaJar=PATH at a built jar)",
              file));
    }
    return file;
  }

  public Function readSummary() {
    return readSummary;
  }

  /** The Pinpoint destination's Lambdas, when the deployment has a Pinpoint project. */
  public Optional<PinpointFunctions> pinpoint() {
    return pinpointFunctions;
  }

  public List<Function> all() {
    List<Function> all = new ArrayList<>();
    all.add(readSummary);
    pinpointFunctions.ifPresent(
        p -> all.addAll(List.of(p.startImport(), p.importStatus(), p.tagSegment())));
    return all;
  }
}
