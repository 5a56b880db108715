package io.reengage.infra;

import static io.reengage.infra.Synth.properties;
import static io.reengage.infra.Synth.render;
import static io.reengage.infra.Synth.resource;
import static io.reengage.infra.Synth.resourcesOfType;
import static io.reengage.infra.Synth.roleStatements;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.infra.workflow.StateMachineDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The stack with no context at all: everything created but Pinpoint (never created), the query's
 * defaults, the eventbridge destination.
 */
class DefaultStackTest {

  private static Template template;
  private static Annotations annotations;

  @BeforeAll
  static void synthesise() {
    ReengageStack stack = Synth.stack(Map.of());
    template = Template.fromStack(stack);
    annotations = Annotations.fromStack(stack);
  }

  @Test
  void createsEachResourceOfTheDesign() {
    template.resourceCountIs("AWS::S3::Bucket", 2);
    template.resourceCountIs("AWS::Kinesis::Stream", 1);
    template.resourceCountIs("AWS::KinesisFirehose::DeliveryStream", 1);
    template.resourceCountIs("AWS::Pinpoint::App", 0);
    template.resourceCountIs("AWS::Pinpoint::EventStream", 0);
    template.resourceCountIs("AWS::EMRServerless::Application", 1);
    template.resourceCountIs("AWS::Lambda::Function", 1);
    template.resourceCountIs("AWS::Events::EventBus", 1);
    template.resourceCountIs("AWS::SES::ConfigurationSet", 0);
    template.resourceCountIs("AWS::SES::ConfigurationSetEventDestination", 0);
    template.resourceCountIs("AWS::StepFunctions::StateMachine", 1);
    template.resourceCountIs("AWS::Scheduler::Schedule", 1);
    template.resourceCountIs("AWS::Glue::Database", 1);
    template.resourceCountIs("AWS::Glue::Table", 1);
    template.resourceCountIs("AWS::Athena::WorkGroup", 1);
  }

  // ---- buckets

  @Test
  void everyBucketIsEncryptedAndBlocksPublicAccess() {
    Map<String, Map<String, Object>> buckets = resourcesOfType(template, "AWS::S3::Bucket");
    assertThat(buckets).hasSize(2);
    template.resourcePropertiesCountIs(
        "AWS::S3::Bucket",
        Match.objectLike(
            Map.of(
                "BucketEncryption",
                    Map.of(
                        "ServerSideEncryptionConfiguration",
                        List.of(
                            Map.of(
                                "ServerSideEncryptionByDefault",
                                Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration",
                    Map.of(
                        "BlockPublicAcls",
                        true,
                        "BlockPublicPolicy",
                        true,
                        "IgnorePublicAcls",
                        true,
                        "RestrictPublicBuckets",
                        true),
                "OwnershipControls",
                    Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))))),
        2);
  }

  @Test
  void everyBucketPolicyDeniesRequestsWithoutTls() {
    Set<String> bucketsWithTlsPolicy = new TreeSet<>();
    resourcesOfType(template, "AWS::S3::BucketPolicy")
        .values()
        .forEach(
            policy -> {
              List<String> lines = Synth.statementLines(document(policy));
              String bucket = render(properties(policy).get("Bucket"));
              assertThat(lines).allMatch(line -> line.startsWith("Deny s3:* "));
              assertThat(lines)
                  .contains(
                      "Deny s3:* " + bucket + ".Arn if {Bool={aws:SecureTransport=false}}",
                      "Deny s3:* " + bucket + ".Arn/* if {Bool={aws:SecureTransport=false}}",
                      "Deny s3:* " + bucket + ".Arn if {NumericLessThan={s3:TlsVersion=1.2}}");
              bucketsWithTlsPolicy.add(bucket);
            });
    assertThat(bucketsWithTlsPolicy).containsExactly("EventsBucket", "WorkBucket");
  }

  @Test
  void workBucketExpiresRunOutputsAndLogs() {
    Map<String, Object> work = properties(resource(template, "AWS::S3::Bucket", "WorkBucket"));

    assertThat(render(work.get("LifecycleConfiguration")))
        .isEqualTo(
            "{Rules=["
                + "{ExpirationInDays=30, Id=expire-runs, Prefix=runs/, Status=Enabled}, "
                + "{ExpirationInDays=30, Id=expire-athena-results, Prefix=athena-results/, Status=Enabled}, "
                + "{ExpirationInDays=90, Id=expire-emr-logs, Prefix=emr-logs/, Status=Enabled}, "
                + "{AbortIncompleteMultipartUpload={DaysAfterInitiation=7}, Id=abort-incomplete-multipart-uploads,"
                + " Status=Enabled}]}");
  }

  @Test
  void bucketsOutliveTheStackByDefault() {
    resourcesOfType(template, "AWS::S3::Bucket")
        .values()
        .forEach(
            bucket -> {
              assertThat(bucket.get("DeletionPolicy")).isEqualTo("Retain");
            });
  }

  // ---- policies in general

  @Test
  void noAllowStatementNamesAWildcardAction() {
    List<String> allows =
        allPolicyLines().stream().filter(line -> line.startsWith("Allow ")).toList();

    assertThat(allows).isNotEmpty();
    assertThat(allows).allSatisfy(line -> assertThat(line.split(" ")[1]).doesNotContain("*"));
  }

  @Test
  void resourceStarOnlyForLogDeliveryWhichAwsRequires() {
    List<String> onStar =
        allPolicyLines().stream().filter(line -> line.split(" ")[2].equals("*")).toList();

    assertThat(onStar)
        .containsExactlyInAnyOrder(
            "Allow logs:CreateLogDelivery *",
            "Allow logs:GetLogDelivery *",
            "Allow logs:UpdateLogDelivery *",
            "Allow logs:DeleteLogDelivery *",
            "Allow logs:ListLogDeliveries *",
            "Allow logs:PutResourcePolicy *",
            "Allow logs:DescribeResourcePolicies *",
            "Allow logs:DescribeLogGroups *");
  }

  @Test
  void noRoleHasManagedOrInlinePolicies() {
    resourcesOfType(template, "AWS::IAM::Role")
        .values()
        .forEach(
            role -> {
              assertThat(properties(role)).doesNotContainKeys("ManagedPolicyArns", "Policies");
            });
  }

  // ---- EMR Serverless

  @Test
  void emrApplicationRunsSparkOnTheReleaseOfOurSparkWithCappedCapacity() {
    template.hasResourceProperties(
        "AWS::EMRServerless::Application",
        Map.of(
            "Name", "reengage",
            "Type", "Spark",
            "ReleaseLabel", "emr-7.9.0",
            "Architecture", "X86_64",
            "AutoStartConfiguration", Map.of("Enabled", true),
            "AutoStopConfiguration", Map.of("Enabled", true, "IdleTimeoutMinutes", 15),
            "MaximumCapacity", Map.of("Cpu", "32 vCPU", "Memory", "128 GB", "Disk", "1000 GB"),
            "RuntimeConfiguration",
                List.of(
                    Map.of(
                        "Classification",
                        "spark-defaults",
                        "Properties",
                        Map.of(
                            "spark.emr-serverless.driverEnv.JAVA_HOME",
                                "/usr/lib/jvm/java-17-amazon-corretto.x86_64/",
                            "spark.executorEnv.JAVA_HOME",
                                "/usr/lib/jvm/java-17-amazon-corretto.x86_64/"))),
            "MonitoringConfiguration", Match.objectLike(Map.of())));
    Map<String, Object> app =
        properties(resource(template, "AWS::EMRServerless::Application", "SparkApplication"));
    assertThat(render(app.get("MonitoringConfiguration")))
        .isEqualTo("{S3MonitoringConfiguration={LogUri=s3://WorkBucket/emr-logs/}}");
  }

  @Test
  void jobRoleIsTrustedOnlyByEmrServerlessOfThisAccount() {
    Map<String, Object> role = properties(resource(template, "AWS::IAM::Role", "SparkJobRole"));

    assertThat(render(role.get("AssumeRolePolicyDocument")))
        .isEqualTo(
            "{Statement=[{Action=sts:AssumeRole,"
                + " Condition={StringEquals={aws:SourceAccount=${AWS::AccountId}}}, Effect=Allow,"
                + " Principal={Service=emr-serverless.amazonaws.com}}], Version=2012-10-17}");
  }

  @Test
  void jobRoleReadsEventsWritesRunsAndRollupsAndNothingElse() {
    List<String> expected = new ArrayList<>();
    expected.addAll(read("EventsBucket", "events"));
    expected.addAll(readWrite("WorkBucket", "runs"));
    expected.addAll(readWrite("WorkBucket", "rollups"));
    expected.add("Allow s3:PutObject WorkBucket.Arn/emr-logs/*");
    expected.add("Allow s3:AbortMultipartUpload WorkBucket.Arn/emr-logs/*");

    List<String> actual = new ArrayList<>(roleStatements(template, "SparkJobRole"));
    String jar =
        "Allow s3:GetObject arn:${AWS::Partition}:s3:::cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/";
    assertThat(actual)
        .filteredOn(line -> line.startsWith(jar))
        .singleElement()
        .satisfies(line -> assertThat(line).matches(".*/[0-9a-f]{64}\\.jar"));
    actual.removeIf(line -> line.startsWith(jar));
    assertThat(new TreeSet<>(actual)).isEqualTo(new TreeSet<>(expected));
  }

  static List<String> read(String bucket, String folder) {
    return List.of(
        "Allow s3:ListBucket "
            + bucket
            + ".Arn if {StringLike={s3:prefix=["
            + folder
            + "/*, "
            + folder
            + "]}}",
        "Allow s3:GetBucketLocation " + bucket + ".Arn",
        "Allow s3:GetObject " + bucket + ".Arn/" + folder,
        "Allow s3:GetObject " + bucket + ".Arn/" + folder + "_$folder$",
        "Allow s3:GetObject " + bucket + ".Arn/" + folder + "/*");
  }

  static List<String> readWrite(String bucket, String folder) {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "Allow s3:ListBucket "
                    + bucket
                    + ".Arn if {StringLike={s3:prefix=["
                    + folder
                    + "/*, "
                    + folder
                    + "]}}",
                "Allow s3:GetBucketLocation " + bucket + ".Arn",
                "Allow s3:ListBucketMultipartUploads " + bucket + ".Arn"));
    for (String action :
        List.of(
            "s3:GetObject",
            "s3:PutObject",
            "s3:AbortMultipartUpload",
            "s3:ListMultipartUploadParts",
            "s3:DeleteObject")) {
      for (String key : List.of(folder, folder + "_$folder$", folder + "/*")) {
        lines.add("Allow " + action + " " + bucket + ".Arn/" + key);
      }
    }
    return lines;
  }

  // ---- Lambdas

  @Test
  void lambdasRunTheOrchestratorHandlersOnJava17() {
    Map<String, String> handlers = new TreeMap<>();
    resourcesOfType(template, "AWS::Lambda::Function")
        .forEach(
            (id, function) -> {
              Map<String, Object> props = properties(function);
              assertThat(props.get("Runtime")).isEqualTo("java17");
              handlers.put(Synth.stripHash(id), (String) props.get("Handler"));
            });
    // Without a Pinpoint project only the summary reader exists.
    assertThat(handlers)
        .containsExactly(
            Map.entry(
                "FunctionsReadSummary",
                "io.reengage.orchestrator.lambda.ReadSummaryHandler::handleRequest"));
  }

  @Test
  void readSummaryNeedsNoSettingsAndReadsOnlySummaries() {
    assertThat(properties(resource(template, "AWS::Lambda::Function", "FunctionsReadSummary")))
        .doesNotContainKey("Environment");
    assertThat(roleStatements(template, "FunctionsReadSummaryRole"))
        .containsExactlyInAnyOrder(
            "Allow logs:CreateLogStream FunctionsReadSummaryLogs.Arn",
            "Allow logs:PutLogEvents FunctionsReadSummaryLogs.Arn",
            "Allow s3:GetObject WorkBucket.Arn/runs/*/summary.json");
  }

  // ---- no Pinpoint

  @Test
  void nothingInTheTemplateNamesPinpoint() {
    String whole = render(template.toJSON());
    assertThat(whole)
        .doesNotContain("AWS::Pinpoint")
        .doesNotContain("mobiletargeting")
        .doesNotContain("pinpoint.amazonaws.com")
        .doesNotContain("PINPOINT_APPLICATION_ID");
    assertThat(allPolicyLines()).noneMatch(line -> line.contains("mobiletargeting"));
  }

  @Test
  void noWarningAboutCreatingAPinpointProject() {
    annotations.hasNoWarning("*", Match.stringLikeRegexp(".*Pinpoint.*"));
  }

  @Test
  void theStackCreatesTheSegmentEventBusNamedAfterItself() {
    template.hasResourceProperties("AWS::Events::EventBus", Map.of("Name", "reengage"));
    assertThat(substitutions(template))
        .containsEntry("Destination", "eventbridge")
        .containsEntry("EventBusArn", "SegmentEventsBus.Arn")
        .containsEntry("PinpointProjectId", "")
        .containsEntry("StartImportFunctionArn", "")
        .containsEntry("ImportStatusFunctionArn", "")
        .containsEntry("TagSegmentFunctionArn", "");
  }

  // ---- ingest

  @Test
  void kinesisStreamIsEncrypted() {
    template.hasResourceProperties(
        "AWS::Kinesis::Stream",
        Map.of(
            "ShardCount",
            1,
            "StreamEncryption",
            Map.of("EncryptionType", "KMS", "KeyId", "alias/aws/kinesis")));
  }

  @Test
  void firehoseWritesNewlineDelimitedGzipIntoUtcHourFoldersWithoutALambda() {
    Map<String, Object> firehose =
        properties(resource(template, "AWS::KinesisFirehose::DeliveryStream", "IngestFirehose"));

    assertThat(firehose.get("DeliveryStreamType")).isEqualTo("KinesisStreamAsSource");
    assertThat(render(firehose.get("KinesisStreamSourceConfiguration")))
        .isEqualTo("{KinesisStreamARN=IngestStream.Arn, RoleARN=IngestDeliveryRole.Arn}");
    assertThat(render(firehose.get("ExtendedS3DestinationConfiguration")))
        .isEqualTo(
            "{"
                + "BucketARN=EventsBucket.Arn, "
                + "BufferingHints={IntervalInSeconds=300, SizeInMBs=64}, "
                + "CloudWatchLoggingOptions={Enabled=true, LogGroupName=IngestDeliveryLogs, LogStreamName=S3Delivery}, "
                + "CompressionFormat=GZIP, "
                + "ErrorOutputPrefix=events-errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/, "
                + "Prefix=events/!{timestamp:yyyy/MM/dd/HH}/, "
                + "ProcessingConfiguration={Enabled=true, Processors=[{Type=AppendDelimiterToRecord}]}, "
                + "RoleARN=IngestDeliveryRole.Arn}");
  }

  @Test
  void firehoseRoleReadsTheStreamAndWritesOnlyItsFolders() {
    String logStream =
        "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:IngestDeliveryLogs"
            + ":log-stream:S3Delivery";
    List<String> expected = new ArrayList<>();
    for (String action :
        List.of(
            "kinesis:DescribeStream",
            "kinesis:DescribeStreamSummary",
            "kinesis:GetShardIterator",
            "kinesis:GetRecords",
            "kinesis:ListShards")) {
      expected.add("Allow " + action + " IngestStream.Arn");
    }
    expected.addAll(
        List.of(
            "Allow s3:ListBucket EventsBucket.Arn if {StringLike={s3:prefix=[events/*, events]}}",
            "Allow s3:GetBucketLocation EventsBucket.Arn",
            "Allow s3:ListBucketMultipartUploads EventsBucket.Arn"));
    for (String action : List.of("s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload")) {
      expected.add("Allow " + action + " EventsBucket.Arn/events/*");
      expected.add("Allow " + action + " EventsBucket.Arn/events-errors/*");
    }
    expected.add("Allow logs:PutLogEvents " + logStream);

    assertThat(roleStatements(template, "IngestDeliveryRole"))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  // ---- catalog

  @Test
  void glueTableProjectsTheFirehoseHourFolders() {
    Map<String, Object> table =
        properties(resource(template, "AWS::Glue::Table", "CatalogEventsTable"));

    assertThat(render(table.get("DatabaseName"))).isEqualTo("reengage");
    assertThat(render(table.get("TableInput")))
        .isEqualTo(
            "{"
                + "Description=Pinpoint event stream records, one JSON object per line, in Firehose hour folders, "
                + "Name=pinpoint_events, "
                + "Parameters={classification=json, projection.dt.format=yyyy/MM/dd/HH, projection.dt.interval=1,"
                + " projection.dt.interval.unit=HOURS, projection.dt.range=2024/01/01/00,NOW, projection.dt.type=date,"
                + " projection.enabled=true, storage.location.template=s3://EventsBucket/events/${dt}/}, "
                + "PartitionKeys=[{Name=dt, Type=string}], "
                + "StorageDescriptor={Columns=[{Name=event_type, Type=string}, {Name=event_timestamp, Type=bigint},"
                + " {Name=arrival_timestamp, Type=bigint}, {Name=facets, Type=struct<email_channel:struct<mail_event:"
                + "struct<mail:struct<destination:array<string>>>>>}], "
                + "InputFormat=org.apache.hadoop.mapred.TextInputFormat, Location=s3://EventsBucket/events/, "
                + "OutputFormat=org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat, "
                + "SerdeInfo={Parameters={ignore.malformed.json=true},"
                + " SerializationLibrary=org.openx.data.jsonserde.JsonSerDe}}, "
                + "TableType=EXTERNAL_TABLE}");
  }

  @Test
  void athenaWorkgroupDefaultsToEncryptedResultsInTheWorkBucket() {
    Map<String, Object> workGroup =
        properties(resource(template, "AWS::Athena::WorkGroup", "CatalogWorkGroup"));

    assertThat(workGroup.get("Name")).isEqualTo("reengage-crosscheck");
    assertThat(render(workGroup.get("WorkGroupConfiguration")))
        .isEqualTo(
            "{"
                + "BytesScannedCutoffPerQuery=1000000000000, EnforceWorkGroupConfiguration=false, "
                + "EngineVersion={SelectedEngineVersion=Athena engine version 3}, PublishCloudWatchMetricsEnabled=true, "
                + "ResultConfiguration={EncryptionConfiguration={EncryptionOption=SSE_S3},"
                + " OutputLocation=s3://WorkBucket/athena-results/}}");
  }

  // ---- state machine and schedule

  @Test
  void stateMachineIsTheOrchestratorFileWithEveryPlaceholderSubstituted() throws Exception {
    Map<String, Object> machine =
        properties(resource(template, "AWS::StepFunctions::StateMachine", "WorkflowStateMachine"));
    StateMachineDefinition file =
        StateMachineDefinition.load(
            Synth.REPO_ROOT.resolve(Path.of("orchestrator", "statemachine", "reengage.asl.json")));
    @SuppressWarnings("unchecked")
    Map<String, Object> substitutions =
        (Map<String, Object>) machine.get("DefinitionSubstitutions");

    assertThat(machine.get("DefinitionString")).isEqualTo(file.text());
    assertThat(substitutions.keySet()).isEqualTo(file.placeholders());

    String substituted = file.text();
    for (Map.Entry<String, Object> entry : substitutions.entrySet()) {
      substituted = substituted.replace("${" + entry.getKey() + "}", render(entry.getValue()));
    }
    // Only CloudFormation pseudo parameters (rendered as ${AWS::...}) may remain.
    assertThat(substituted).doesNotContainPattern("\\$\\{(?!AWS::)");
    assertThat(new ObjectMapper().readTree(substituted).get("States").size()).isGreaterThan(0);
  }

  @Test
  void substitutionsCarryTheStackAndTheQueryDefaults() {
    Map<String, String> values = substitutions(template);

    assertThat(values)
        .containsEntry("EmrApplicationId", "SparkApplication.ApplicationId")
        .containsEntry("EmrJobRoleArn", "SparkJobRole.Arn")
        .containsEntry("EventsUris", "s3://EventsBucket/events/")
        .containsEntry("MachineOpens", "count")
        .containsEntry("MachineOpenIpsUri", "")
        .containsEntry("RunsUri", "s3://WorkBucket/runs")
        .containsEntry("RollupsUri", "")
        .containsEntry("EmrLogUri", "s3://WorkBucket/emr-logs/")
        .containsEntry("AthenaOutputUri", "s3://WorkBucket/athena-results")
        .containsEntry("AthenaWorkGroup", "CatalogWorkGroup")
        .containsEntry("AthenaDatabase", "reengage")
        .containsEntry("AthenaTable", "pinpoint_events")
        .containsEntry("DeliveredWindowMonths", "10")
        .containsEntry("EngagementWindowMonths", "6")
        .containsEntry("MinDelivered", "6")
        .containsEntry("JobTimeoutMinutes", "180")
        .containsEntry("ImportTimeoutSeconds", "7200")
        .containsEntry("SparkConf", "")
        .containsEntry("ReadSummaryFunctionArn", "FunctionsReadSummary.Arn");
    assertThat(values.get("JobJarUri"))
        .matches(
            "s3://cdk-hnb659fds-assets-\\$\\{AWS::AccountId}-\\$\\{AWS::Region}/[0-9a-f]{64}\\.jar");
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> substitutions(Template template) {
    Map<String, Object> machine =
        properties(resource(template, "AWS::StepFunctions::StateMachine", "WorkflowStateMachine"));
    Map<String, String> values = new TreeMap<>();
    ((Map<String, Object>) machine.get("DefinitionSubstitutions"))
        .forEach((k, v) -> values.put(k, render(v)));
    return values;
  }

  @Test
  void stateMachineRoleAllowsExactlyWhatTheStatesCall() {
    List<String> expected =
        new ArrayList<>(
            List.of(
                "Allow emr-serverless:StartJobRun SparkApplication.Arn",
                "Allow emr-serverless:GetJobRun SparkApplication.Arn/jobruns/*",
                "Allow emr-serverless:CancelJobRun SparkApplication.Arn/jobruns/*",
                "Allow iam:PassRole SparkJobRole.Arn if {StringEquals={iam:PassedToService=emr-serverless.amazonaws.com}}",
                "Allow lambda:InvokeFunction FunctionsReadSummary.Arn",
                // The segment event, on the stack's bus only.
                "Allow events:PutEvents SegmentEventsBus.Arn"));
    String rule =
        "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/"
            + "StepFunctionsGetEventsForEMRServerlessJobRule";
    for (String action : List.of("events:PutTargets", "events:PutRule", "events:DescribeRule")) {
      expected.add("Allow " + action + " " + rule);
    }
    for (String action :
        List.of(
            "CreateLogDelivery",
            "GetLogDelivery",
            "UpdateLogDelivery",
            "DeleteLogDelivery",
            "ListLogDeliveries",
            "PutResourcePolicy",
            "DescribeResourcePolicies",
            "DescribeLogGroups")) {
      expected.add("Allow logs:" + action + " *");
    }

    assertThat(roleStatements(template, "WorkflowStateMachineRole"))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void stateMachineLogsErrorsWithoutStateData() {
    Map<String, Object> machine =
        properties(resource(template, "AWS::StepFunctions::StateMachine", "WorkflowStateMachine"));

    assertThat(machine.get("StateMachineType")).isEqualTo("STANDARD");
    assertThat(render(machine.get("LoggingConfiguration")))
        .isEqualTo(
            "{Destinations=[{CloudWatchLogsLogGroup="
                + "{LogGroupArn=WorkflowStateMachineLogs.Arn}}], IncludeExecutionData=false, Level=ERROR}");
  }

  @Test
  void scheduleStartsTheStateMachineDailyInUtc() {
    Map<String, Object> schedule =
        properties(resource(template, "AWS::Scheduler::Schedule", "WorkflowSchedule"));

    assertThat(schedule.get("ScheduleExpression")).isEqualTo("cron(30 2 * * ? *)");
    assertThat(schedule.get("ScheduleExpressionTimezone")).isEqualTo("UTC");
    assertThat(schedule.get("State")).isEqualTo("ENABLED");
    assertThat(render(schedule.get("Target")))
        .isEqualTo(
            "{Arn=WorkflowStateMachine, Input={\"crossCheck\":false},"
                + " RetryPolicy={MaximumEventAgeInSeconds=3600, MaximumRetryAttempts=3}, RoleArn=WorkflowSchedulerRole.Arn}");
    assertThat(roleStatements(template, "WorkflowSchedulerRole"))
        .containsExactly("Allow states:StartExecution WorkflowStateMachine");
  }

  @Test
  @SuppressWarnings("unchecked")
  void outputsCarryWhatTheOperatorCommandsRead() {
    Map<String, String> outputs = new TreeMap<>();
    template.toJSON().entrySet().stream()
        .filter(e -> e.getKey().equals("Outputs"))
        .findFirst()
        .ifPresent(
            e ->
                ((Map<String, Map<String, Object>>) e.getValue())
                    .forEach((k, v) -> outputs.put(k, render(v.get("Value")))));

    assertThat(outputs)
        .containsOnlyKeys(
            "EventsUri",
            "RunsUri",
            "RollupsUri",
            "EmrLogUri",
            "EmrApplicationId",
            "EmrJobRoleArn",
            "JobJarUri",
            "StateMachineArn",
            "Destination",
            "EventBusArn",
            "AthenaWorkGroup",
            "AthenaDatabase",
            "AthenaTable",
            "AthenaOutputUri");
    Map<String, String> substitutions = substitutions(template);
    assertThat(outputs.get("EventsUri")).isEqualTo(substitutions.get("EventsUris"));
    for (String name :
        List.of(
            "Destination",
            "EventBusArn",
            "RunsUri",
            "EmrLogUri",
            "EmrApplicationId",
            "EmrJobRoleArn",
            "JobJarUri",
            "AthenaWorkGroup",
            "AthenaDatabase",
            "AthenaTable",
            "AthenaOutputUri")) {
      assertThat(outputs.get(name)).as(name).isEqualTo(substitutions.get(name));
    }
    assertThat(outputs)
        .containsEntry("RollupsUri", "s3://WorkBucket/rollups")
        .containsEntry("StateMachineArn", "WorkflowStateMachine");
  }

  // ---- logs and tags

  @Test
  void everyLogGroupKeepsLogsForTheSetPeriod() {
    Map<String, Map<String, Object>> groups = resourcesOfType(template, "AWS::Logs::LogGroup");

    assertThat(groups).hasSize(3);
    template.resourcePropertiesCountIs("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90), 3);
  }

  @Test
  void everyTaggableResourceIsTaggedWithTheProject() {
    for (String type :
        List.of(
            "AWS::S3::Bucket",
            "AWS::IAM::Role",
            "AWS::Lambda::Function",
            "AWS::Logs::LogGroup",
            "AWS::Kinesis::Stream",
            "AWS::KinesisFirehose::DeliveryStream",
            "AWS::EMRServerless::Application",
            "AWS::StepFunctions::StateMachine",
            "AWS::Athena::WorkGroup",
            "AWS::Events::EventBus")) {
      resourcesOfType(template, type)
          .forEach(
              (id, resource) -> {
                assertThat(render(properties(resource).get("Tags")))
                    .as("tags of %s", id)
                    .contains("{Key=project, Value=reengage}");
              });
    }
  }

  // ---- helpers

  @SuppressWarnings("unchecked")
  private static Map<String, Object> document(Map<String, Object> policy) {
    return (Map<String, Object>) properties(policy).get("PolicyDocument");
  }

  private static List<String> allPolicyLines() {
    List<String> lines = new ArrayList<>();
    resourcesOfType(template, "AWS::IAM::Policy")
        .values()
        .forEach(policy -> lines.addAll(Synth.statementLines(document(policy))));
    return lines;
  }
}
