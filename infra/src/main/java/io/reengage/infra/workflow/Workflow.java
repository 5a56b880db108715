package io.reengage.infra.workflow;

import static io.reengage.infra.Policies.allow;

import io.reengage.infra.Trust;
import io.reengage.infra.catalog.EventsCatalog;
import io.reengage.infra.compute.SparkJobs;
import io.reengage.infra.config.LogRetention;
import io.reengage.infra.config.Settings;
import io.reengage.infra.delivery.SegmentEventBus;
import io.reengage.infra.storage.DataLocations;
import io.reengage.infra.storage.S3Access;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * The Step Functions state machine built from {@code orchestrator/statemachine/reengage.asl.json},
 * a role that allows exactly the calls its states make, and the EventBridge Scheduler schedule that
 * starts it.
 */
public final class Workflow extends Construct {

  /**
   * The managed rule through which Step Functions learns that an EMR Serverless job run ended
   * (.sync).
   */
  static final String EMR_SYNC_RULE = "StepFunctionsGetEventsForEMRServerlessJobRule";

  private final StateMachine stateMachine;
  private final Map<String, String> substitutions;

  public Workflow(
      Construct scope,
      String id,
      Settings settings,
      StateMachineDefinition definition,
      SparkJobs spark,
      OrchestratorFunctions functions,
      EventsCatalog catalog,
      DataLocations locations,
      SegmentEventBus bus) {
    super(scope, id);
    boolean crossCheck = settings.catalog().crossCheck();

    substitutions =
        definition.substitutions(available(settings, spark, functions, catalog, locations, bus));

    Role role =
        Role.Builder.create(this, "StateMachineRole")
            .assumedBy(Trust.service(this, "states.amazonaws.com"))
            .description(
                "reengage state machine: EMR Serverless job runs, its Lambdas, the segment event"
                    + (crossCheck ? ", the Athena cross-check" : ""))
            .build();
    emrStatements(spark).forEach(role::addToPolicy);
    role.addToPolicy(
        allow(
            List.of("lambda:InvokeFunction"),
            functions.all().stream().map(f -> f.getFunctionArn()).toList()));
    // Every deployment can publish: an execution may choose the eventbridge destination.
    role.addToPolicy(allow(List.of("events:PutEvents"), List.of(bus.busArn())));
    if (crossCheck) {
      athenaStatements(catalog, locations).forEach(role::addToPolicy);
    }

    LogGroup logs =
        LogGroup.Builder.create(this, "StateMachineLogs")
            .retention(LogRetention.of(settings.retention().logDays()))
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    stateMachine =
        StateMachine.Builder.create(this, "StateMachine")
            .stateMachineType(StateMachineType.STANDARD)
            .definitionBody(DefinitionBody.fromString(definition.text()))
            .definitionSubstitutions(substitutions)
            .role(role)
            .timeout(Duration.hours(24))
            // Errors only, and without state data: the history in Step Functions keeps the rest,
            // and logs
            // never receive the Pinpoint failure texts, which can quote rows of the import file.
            .logs(
                LogOptions.builder()
                    .destination(logs)
                    .level(LogLevel.ERROR)
                    .includeExecutionData(false)
                    .build())
            .build();

    schedule(settings);
  }

  private static Map<String, String> available(
      Settings settings,
      SparkJobs spark,
      OrchestratorFunctions functions,
      EventsCatalog catalog,
      DataLocations locations,
      SegmentEventBus bus) {
    Map<String, String> values = new HashMap<>();
    values.put("EmrApplicationId", spark.applicationId());
    values.put("EmrJobRoleArn", spark.jobRole().getRoleArn());
    values.put("JobJarUri", spark.jobJarUri());
    values.put("SparkConf", settings.runs().sparkConf());
    values.put("JobTimeoutMinutes", Integer.toString(settings.runs().jobTimeoutMinutes()));
    values.put("EmrLogUri", locations.logs().uri());
    List<String> roots = new ArrayList<>();
    roots.add(locations.events().uri());
    roots.addAll(settings.jobOptions().extraEventsUris());
    values.put("EventsUris", String.join(",", roots));
    values.put("MachineOpens", settings.jobOptions().machineOpens());
    values.put("MachineOpenIpsUri", settings.jobOptions().machineOpenIpsUri().orElse(""));
    values.put("Destination", settings.delivery().destination());
    values.put("EventBusArn", bus.busArn());
    values.put("PinpointProjectId", settings.pinpoint().existingProjectId().orElse(""));
    values.put("RunsUri", withoutSlash(locations.runs().uri()));
    values.put(
        "RollupsUri", settings.runs().useRollups() ? withoutSlash(locations.rollups().uri()) : "");
    values.put("DeliveredWindowMonths", Integer.toString(settings.rules().deliveredWindowMonths()));
    values.put(
        "EngagementWindowMonths", Integer.toString(settings.rules().engagementWindowMonths()));
    values.put("MinDelivered", Integer.toString(settings.rules().minDelivered()));
    values.put("ReadSummaryFunctionArn", functions.readSummary().getFunctionArn());
    // Without a project the Pinpoint states are unreachable: the definition refuses the pinpoint
    // destination when PinpointProjectId is empty, before any job runs.
    values.put(
        "StartImportFunctionArn",
        functions.pinpoint().map(p -> p.startImport().getFunctionArn()).orElse(""));
    values.put(
        "ImportStatusFunctionArn",
        functions.pinpoint().map(p -> p.importStatus().getFunctionArn()).orElse(""));
    values.put(
        "TagSegmentFunctionArn",
        functions.pinpoint().map(p -> p.tagSegment().getFunctionArn()).orElse(""));
    values.put("ImportTimeoutSeconds", Integer.toString(settings.runs().importTimeoutSeconds()));
    values.put("AthenaWorkGroup", catalog.workGroupName());
    values.put("AthenaDatabase", catalog.databaseName());
    values.put("AthenaTable", catalog.tableName());
    values.put("AthenaOutputUri", withoutSlash(locations.athenaResults().uri()));
    return values;
  }

  private static String withoutSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  /**
   * startJobRun.sync: start, watch and cancel job runs of one application, as the job role only.
   */
  private List<PolicyStatement> emrStatements(SparkJobs spark) {
    Stack stack = Stack.of(this);
    String rule =
        stack.formatArn(
            ArnComponents.builder()
                .service("events")
                .resource("rule")
                .resourceName(EMR_SYNC_RULE)
                .build());
    PolicyStatement passRole =
        allow(List.of("iam:PassRole"), List.of(spark.jobRole().getRoleArn()));
    passRole.addCondition(
        "StringEquals", Map.of("iam:PassedToService", "emr-serverless.amazonaws.com"));
    return List.of(
        allow(List.of("emr-serverless:StartJobRun"), List.of(spark.applicationArn())),
        allow(
            List.of("emr-serverless:GetJobRun", "emr-serverless:CancelJobRun"),
            List.of(spark.applicationArn() + "/jobruns/*")),
        passRole,
        allow(
            List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"), List.of(rule)));
  }

  /**
   * startQueryExecution.sync in one workgroup. Athena reads the table and writes results with the
   * caller's permissions, so the role also reads the events and writes the results folder.
   */
  private List<PolicyStatement> athenaStatements(EventsCatalog catalog, DataLocations locations) {
    Stack stack = Stack.of(this);
    String dataCatalog =
        stack.formatArn(
            ArnComponents.builder()
                .service("athena")
                .resource("datacatalog")
                .resourceName("AwsDataCatalog")
                .build());
    List<PolicyStatement> statements = new ArrayList<>();
    statements.add(
        allow(
            List.of(
                "athena:StartQueryExecution",
                "athena:GetQueryExecution",
                "athena:StopQueryExecution"),
            List.of(catalog.workGroupArn())));
    statements.add(allow(List.of("athena:GetDataCatalog"), List.of(dataCatalog)));
    statements.add(
        allow(
            List.of("glue:GetDatabase", "glue:GetTable", "glue:GetPartitions"),
            catalog.glueArns()));
    statements.addAll(S3Access.read(locations.events()));
    locations
        .eventsKmsKeyArn()
        .ifPresent(key -> statements.add(allow(List.of("kms:Decrypt"), List.of(key))));
    statements.addAll(S3Access.readPut(locations.athenaResults()));
    return statements;
  }

  private void schedule(Settings settings) {
    Role role =
        Role.Builder.create(this, "SchedulerRole")
            .assumedBy(Trust.service(this, "scheduler.amazonaws.com"))
            .description("EventBridge Scheduler: starts the reengage state machine")
            .build();
    role.addToPolicy(
        allow(List.of("states:StartExecution"), List.of(stateMachine.getStateMachineArn())));

    // asOf defaults to the UTC date the execution starts; only the cross-check flag is passed.
    String input = "{\"crossCheck\":" + settings.catalog().crossCheck() + "}";
    CfnSchedule schedule =
        CfnSchedule.Builder.create(this, "Schedule")
            .description("Daily reengage run")
            .scheduleExpression(settings.schedule().expression())
            .scheduleExpressionTimezone(settings.schedule().timezone())
            .state(settings.schedule().enabled() ? "ENABLED" : "DISABLED")
            .flexibleTimeWindow(
                CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
            .target(
                CfnSchedule.TargetProperty.builder()
                    .arn(stateMachine.getStateMachineArn())
                    .roleArn(role.getRoleArn())
                    .input(input)
                    .retryPolicy(
                        CfnSchedule.RetryPolicyProperty.builder()
                            .maximumRetryAttempts(3)
                            .maximumEventAgeInSeconds(3600)
                            .build())
                    .build())
            .build();
    schedule.getNode().addDependency(role);
  }

  public StateMachine stateMachine() {
    return stateMachine;
  }

  /** The substitutions handed to CloudFormation, by placeholder name. */
  public Map<String, String> substitutions() {
    return substitutions;
  }
}
