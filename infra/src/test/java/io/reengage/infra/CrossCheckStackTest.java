package io.reengage.infra;

import static io.reengage.infra.Synth.properties;
import static io.reengage.infra.Synth.render;
import static io.reengage.infra.Synth.resource;
import static io.reengage.infra.Synth.roleStatements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The cross-check on: Athena permissions for the state machine, results readable by job runs. */
class CrossCheckStackTest {

  private static Template template;

  @BeforeAll
  static void synthesise() {
    template = Synth.template(Map.of("crossCheck", "true"));
  }

  @Test
  void crossCheckLetsTheStateMachineQueryAthenaInItsWorkgroupOnly() {
    String workGroup =
        "arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:workgroup/CatalogWorkGroup";
    String glue = "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:";
    assertThat(roleStatements(template, "WorkflowStateMachineRole"))
        .contains(
            "Allow athena:StartQueryExecution " + workGroup,
            "Allow athena:GetQueryExecution " + workGroup,
            "Allow athena:StopQueryExecution " + workGroup,
            "Allow athena:GetDataCatalog arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:"
                + "datacatalog/AwsDataCatalog",
            "Allow glue:GetTable " + glue + "table/reengage/pinpoint_events",
            "Allow glue:GetDatabase " + glue + "database/reengage",
            "Allow glue:GetPartitions " + glue + "catalog",
            "Allow s3:GetObject EventsBucket.Arn/events/*",
            "Allow s3:PutObject WorkBucket.Arn/athena-results/*");
    assertThat(roleStatements(template, "WorkflowStateMachineRole"))
        .noneMatch(
            line -> line.contains("s3:DeleteObject") || line.contains("s3:PutObject EventsBucket"));
  }

  @Test
  void crossCheckLetsJobRunsReadAthenaResultsAndTheScheduleAskForIt() {
    assertThat(roleStatements(template, "SparkJobRole"))
        .containsAll(DefaultStackTest.read("WorkBucket", "athena-results"));
    Map<String, Object> schedule =
        properties(resource(template, "AWS::Scheduler::Schedule", "WorkflowSchedule"));
    assertThat(render(schedule.get("Target"))).contains("Input={\"crossCheck\":true}");
  }
}
