package io.reengage.infra;

import static io.reengage.infra.Synth.properties;
import static io.reengage.infra.Synth.render;
import static io.reengage.infra.Synth.resource;
import static io.reengage.infra.Synth.roleStatements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Every tuning value set away from its default (the cross-check has its own test). */
class TunedStackTest {

  private static Template template;

  @BeforeAll
  static void synthesise() {
    Map<String, Object> context = new HashMap<>();
    context.put("deliveredWindowMonths", "12");
    context.put("engagementWindowMonths", "3");
    context.put("minDelivered", "10");
    context.put("schedule", "cron(0 5 ? * MON-FRI *)");
    context.put("scheduleTimezone", "Europe/Berlin");
    context.put("scheduleEnabled", "false");
    context.put("emrArchitecture", "ARM64");
    context.put("emrMaxCpu", "8 vCPU");
    context.put("emrMaxMemory", "32 GB");
    context.put("emrMaxDisk", "200 GB");
    context.put("emrIdleTimeoutMinutes", "5");
    context.put("logRetentionDays", "30");
    context.put("outputRetentionDays", "7");
    context.put("retainData", "false");
    context.put("useRollups", "true");
    context.put("segmentName", "Lapsed readers");
    context.put("jobTimeoutMinutes", "60");
    context.put("importTimeoutSeconds", "3600");
    context.put("sparkConf", "--conf spark.executor.memory=14g");
    context.put("athenaMaxScanGb", "50");
    context.put("firehoseAppendNewline", "false");
    context.put("stackName", "ReengageTest");
    context.put("pinpointProjectId", PinpointStackTest.PROJECT);
    context.put("destination", "eventbridge");
    context.put("eventBus", "marketing");
    context.put("extraEventsUris", "s3://old-events/pinpoint/,s3://ses-events/");
    context.put("machineOpens", "ignore");
    context.put("machineOpenIpsUri", "s3://config-1/apple/egress-ip-ranges.csv");
    template = Synth.template(context);
  }

  @Test
  void rulesReachTheJobArguments() {
    assertThat(DefaultStackTest.substitutions(template))
        .containsEntry("DeliveredWindowMonths", "12")
        .containsEntry("EngagementWindowMonths", "3")
        .containsEntry("MinDelivered", "10")
        .containsEntry("RollupsUri", "s3://WorkBucket/rollups")
        .containsEntry("JobTimeoutMinutes", "60")
        .containsEntry("ImportTimeoutSeconds", "3600")
        .containsEntry("SparkConf", "--conf spark.executor.memory=14g");
  }

  @Test
  void withRollupsTheRolesCoverTheDailyRollupStep() {
    // The workflow's rollup step runs as the job role: it reads the events and replaces days under
    // rollups/
    // (staged, then moved into place: copy and delete on S3).
    assertThat(roleStatements(template, "SparkJobRole"))
        .containsAll(DefaultStackTest.read("EventsBucket", "events"))
        .containsAll(DefaultStackTest.readWrite("WorkBucket", "rollups"));
    // The state machine starts and watches it like the segment job: the one application, the job
    // role only.
    assertThat(roleStatements(template, "WorkflowStateMachineRole"))
        .contains(
            "Allow emr-serverless:StartJobRun SparkApplication.Arn",
            "Allow emr-serverless:GetJobRun SparkApplication.Arn/jobruns/*",
            "Allow emr-serverless:CancelJobRun SparkApplication.Arn/jobruns/*",
            "Allow iam:PassRole SparkJobRole.Arn if {StringEquals={iam:PassedToService=emr-serverless.amazonaws.com}}");
  }

  @Test
  void scheduleFollowsItsSettings() {
    Map<String, Object> schedule =
        properties(resource(template, "AWS::Scheduler::Schedule", "WorkflowSchedule"));
    assertThat(schedule.get("ScheduleExpression")).isEqualTo("cron(0 5 ? * MON-FRI *)");
    assertThat(schedule.get("ScheduleExpressionTimezone")).isEqualTo("Europe/Berlin");
    assertThat(schedule.get("State")).isEqualTo("DISABLED");
  }

  @Test
  void emrApplicationFollowsCapacityAndArchitecture() {
    template.hasResourceProperties(
        "AWS::EMRServerless::Application",
        Match.objectLike(
            Map.of(
                "Architecture", "ARM64",
                "AutoStopConfiguration", Map.of("Enabled", true, "IdleTimeoutMinutes", 5),
                "MaximumCapacity", Map.of("Cpu", "8 vCPU", "Memory", "32 GB", "Disk", "200 GB"),
                "RuntimeConfiguration",
                    List.of(
                        Map.of(
                            "Classification",
                            "spark-defaults",
                            "Properties",
                            Map.of(
                                "spark.emr-serverless.driverEnv.JAVA_HOME",
                                    "/usr/lib/jvm/java-17-amazon-corretto.aarch64/",
                                "spark.executorEnv.JAVA_HOME",
                                    "/usr/lib/jvm/java-17-amazon-corretto.aarch64/"))))));
  }

  @Test
  void retentionFollowsItsSettings() {
    template.resourcePropertiesCountIs("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30), 6);
    Map<String, Object> work = properties(resource(template, "AWS::S3::Bucket", "WorkBucket"));
    assertThat(render(work.get("LifecycleConfiguration")))
        .contains("{ExpirationInDays=7, Id=expire-runs, Prefix=runs/, Status=Enabled}")
        .contains("{ExpirationInDays=30, Id=expire-emr-logs, Prefix=emr-logs/, Status=Enabled}");
    assertThat(resource(template, "AWS::S3::Bucket", "WorkBucket").get("DeletionPolicy"))
        .isEqualTo("Delete");
  }

  @Test
  void withoutCrossCheckNoRoleTouchesAthenaOrItsResults() {
    assertThat(roleStatements(template, "WorkflowStateMachineRole"))
        .noneMatch(
            line -> line.contains("athena:") || line.contains("glue:") || line.contains("s3:"));
    assertThat(roleStatements(template, "SparkJobRole"))
        .noneMatch(line -> line.contains("athena-results"));
    Map<String, Object> schedule =
        properties(resource(template, "AWS::Scheduler::Schedule", "WorkflowSchedule"));
    assertThat(render(schedule.get("Target"))).contains("Input={\"crossCheck\":false}");
  }

  @Test
  void firehoseCanLeaveRecordsUndelimited() {
    Map<String, Object> firehose =
        properties(resource(template, "AWS::KinesisFirehose::DeliveryStream", "IngestFirehose"));
    assertThat(render(firehose.get("ExtendedS3DestinationConfiguration")))
        .doesNotContain("ProcessingConfiguration")
        .contains("CompressionFormat=GZIP");
  }

  @Test
  void jobOptionsAndDestinationReachTheDefinition() {
    assertThat(DefaultStackTest.substitutions(template))
        .containsEntry(
            "EventsUris", "s3://EventsBucket/events/,s3://old-events/pinpoint/,s3://ses-events/")
        .containsEntry("MachineOpens", "ignore")
        .containsEntry("MachineOpenIpsUri", "s3://config-1/apple/egress-ip-ranges.csv")
        .containsEntry("Destination", "eventbridge")
        .containsEntry("PinpointProjectId", PinpointStackTest.PROJECT)
        .containsEntry(
            "EventBusArn",
            "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/marketing");
  }

  @Test
  void anExistingBusIsUsedNotCreated_andIsTheOnlyOneTheWorkflowMayPutTo() {
    template.resourceCountIs("AWS::Events::EventBus", 0);
    assertThat(roleStatements(template, "WorkflowStateMachineRole"))
        .contains(
            "Allow events:PutEvents"
                + " arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/marketing")
        .filteredOn(line -> line.contains("events:PutEvents"))
        .hasSize(1);
  }

  @Test
  void jobRoleReadsTheExtraEventRootsAndTheIpList() {
    assertThat(roleStatements(template, "SparkJobRole"))
        .contains(
            "Allow s3:GetObject arn:${AWS::Partition}:s3:::old-events/pinpoint/*",
            "Allow s3:GetObject arn:${AWS::Partition}:s3:::ses-events/*",
            "Allow s3:GetObject arn:${AWS::Partition}:s3:::config-1/apple/egress-ip-ranges.csv");
  }

  @Test
  void segmentNameAndScanLimitReachTheirResources() {
    assertThat(
            render(
                properties(resource(template, "AWS::Lambda::Function", "FunctionsStartImport"))
                    .get("Environment")))
        .contains("SEGMENT_NAME=Lapsed readers");
    template.hasResourceProperties(
        "AWS::Athena::WorkGroup",
        Match.objectLike(
            Map.of(
                "Name",
                "ReengageTest-crosscheck",
                "WorkGroupConfiguration",
                Match.objectLike(Map.of("BytesScannedCutoffPerQuery", 50_000_000_000L)))));
  }
}
