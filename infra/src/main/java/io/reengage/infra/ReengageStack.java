package io.reengage.infra;

import io.reengage.infra.catalog.EventsCatalog;
import io.reengage.infra.compute.SparkJobs;
import io.reengage.infra.config.Settings;
import io.reengage.infra.delivery.SegmentEventBus;
import io.reengage.infra.ingest.EventIngest;
import io.reengage.infra.pinpoint.PinpointProject;
import io.reengage.infra.ses.SesEventCapture;
import io.reengage.infra.storage.DataLocations;
import io.reengage.infra.storage.S3Prefix;
import io.reengage.infra.storage.SecureBuckets;
import io.reengage.infra.workflow.OrchestratorFunctions;
import io.reengage.infra.workflow.StateMachineDefinition;
import io.reengage.infra.workflow.Workflow;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * Everything reengage runs on, in one stack: the event path into S3 (and SES event capture when
 * asked), the buckets, the EMR Serverless application, the Lambdas, the state machine and its
 * schedule, the bus of the segment event, the Glue table and Athena workgroup. Pinpoint parts only
 * exist for a Pinpoint project the user names; none is ever created.
 */
public final class ReengageStack extends Stack {

  private final Workflow workflow;

  public ReengageStack(Construct scope, String id, StackProps props, Settings settings) {
    super(scope, id, props);

    IBucket eventsBucket =
        settings
            .events()
            .existingBucket()
            .<IBucket>map(name -> Bucket.fromBucketName(this, "EventsBucket", name))
            .orElseGet(
                () ->
                    SecureBuckets.create(
                        this, "EventsBucket", settings.retention().retainData(), List.of()));
    Bucket work =
        SecureBuckets.create(
            this,
            "WorkBucket",
            settings.retention().retainData(),
            List.of(
                // Run outputs hold email addresses: keep them no longer than a run needs them.
                SecureBuckets.expire(
                    "expire-runs", SecureBuckets.RUNS, settings.retention().outputDays()),
                SecureBuckets.expire(
                    "expire-athena-results",
                    SecureBuckets.ATHENA_RESULTS,
                    settings.retention().outputDays()),
                SecureBuckets.expire(
                    "expire-emr-logs", SecureBuckets.EMR_LOGS, settings.retention().logDays())));
    S3Prefix workRoot = S3Prefix.of(work, "");
    DataLocations locations =
        new DataLocations(
            S3Prefix.of(eventsBucket, settings.events().prefix()),
            settings.events().kmsKeyArn(),
            workRoot.child(SecureBuckets.RUNS),
            workRoot.child(SecureBuckets.ROLLUPS),
            workRoot.child(SecureBuckets.EMR_LOGS),
            workRoot.child(SecureBuckets.ATHENA_RESULTS));

    EventIngest ingest =
        new EventIngest(
            this, "Ingest", settings.events(), settings.retention().logDays(), locations.events());
    Optional<PinpointProject> pinpoint =
        settings
            .pinpoint()
            .existingProjectId()
            .map(
                projectId ->
                    new PinpointProject(
                        this, "Pinpoint", settings.pinpoint(), ingest, locations.runs()));
    Optional<SesEventCapture> ses =
        settings.ses().enabled()
            ? Optional.of(
                new SesEventCapture(
                    this, "Ses", settings.ses(), settings.stackName(), ingest.firehoseArn()))
            : Optional.empty();
    SegmentEventBus bus =
        new SegmentEventBus(this, "SegmentEvents", settings.delivery(), settings.stackName());
    EventsCatalog catalog =
        new EventsCatalog(
            this, "Catalog", settings.catalog(), locations.events(), locations.athenaResults());
    SparkJobs spark =
        new SparkJobs(
            this,
            "Spark",
            settings.emr(),
            settings.artifacts().jobJar(),
            locations,
            settings.catalog().crossCheck(),
            settings.jobOptions());
    OrchestratorFunctions functions =
        new OrchestratorFunctions(
            this,
            "Functions",
            settings.artifacts().lambdaJar(),
            settings.retention().logDays(),
            pinpoint,
            settings.pinpoint().segmentName(),
            locations.runs());
    workflow =
        new Workflow(
            this,
            "Workflow",
            settings,
            StateMachineDefinition.load(settings.artifacts().stateMachineFile()),
            spark,
            functions,
            catalog,
            locations,
            bus);

    // Output names match the placeholders; `./reengage aws` reads its settings from them.
    output("EventsUri", locations.events().uri(), "Root of the Firehose hour folders");
    output(
        "RunsUri",
        withoutSlash(locations.runs().uri()),
        "Run outputs: RunsUri/<asOf>/<execution>/");
    output(
        "RollupsUri",
        withoutSlash(locations.rollups().uri()),
        "Daily rollups (reengage rollup --rollups)");
    output("EmrLogUri", locations.logs().uri(), "EMR Serverless job logs");
    output("EmrApplicationId", spark.applicationId(), "EMR Serverless application");
    output("EmrJobRoleArn", spark.jobRole().getRoleArn(), "Execution role of job runs");
    output("JobJarUri", spark.jobJarUri(), "The job jar");
    if (!settings.runs().sparkConf().isEmpty()) {
      output(
          "SparkConf", settings.runs().sparkConf(), "Extra spark-submit options of every job run");
    }
    output("StateMachineArn", workflow.stateMachine().getStateMachineArn(), "Start a run here");
    pinpoint.ifPresent(p -> output("PinpointProjectId", p.projectId(), "Pinpoint project"));
    output(
        "Destination",
        settings.delivery().destination(),
        "Where runs send their result unless the input says otherwise");
    output("EventBusArn", bus.busArn(), "Bus of the 'Unengaged segment ready' events");
    ses.ifPresent(
        s ->
            output(
                "SesConfigurationSet",
                s.configurationSetName(),
                "Send with this SES configuration set to capture the events"));
    output("AthenaWorkGroup", catalog.workGroupName(), "Athena workgroup of the cross-check");
    output("AthenaDatabase", catalog.databaseName(), "Glue database of the events table");
    output("AthenaTable", catalog.tableName(), "Glue table over the events");
    output("AthenaOutputUri", withoutSlash(locations.athenaResults().uri()), "Athena results root");
  }

  private static String withoutSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  private void output(String id, String value, String description) {
    CfnOutput.Builder.create(this, id).value(value).description(description).build();
  }
}
