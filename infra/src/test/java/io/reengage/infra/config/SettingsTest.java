package io.reengage.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

  private static final Path ROOT = Path.of("/repo");
  private static final String KINESIS =
      "arn:aws:kinesis:eu-west-1:123456789012:stream/pinpoint-events";
  private static final String FIREHOSE =
      "arn:aws:firehose:eu-west-1:123456789012:deliverystream/pinpoint-to-s3";
  private static final String PROJECT = "0123456789abcdef0123456789abcdef";

  private static Settings settings(Map<String, Object> context) {
    return Settings.fromContext(context::get, ROOT);
  }

  private static Settings settings(String... keyValues) {
    Map<String, Object> context = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      context.put(keyValues[i], keyValues[i + 1]);
    }
    return settings(context);
  }

  @Test
  void defaultsReproduceTheOriginalQueryAndCreateEverythingButPinpoint() {
    Settings s = settings();

    assertThat(s.stackName()).isEqualTo("reengage");
    assertThat(s.rules()).isEqualTo(new Settings.Rules(10, 6, 6));
    assertThat(s.events().existingBucket()).isEmpty();
    assertThat(s.events().prefix()).isEqualTo("events/");
    assertThat(s.events().createsKinesisStream()).isTrue();
    assertThat(s.events().createsFirehose()).isTrue();
    assertThat(s.pinpoint().existingProjectId()).isEmpty();
    assertThat(s.pinpoint().createEventStream()).isFalse();
    assertThat(s.pinpoint().segmentName()).isEqualTo("Unengaged Users");
    assertThat(s.delivery()).isEqualTo(new Settings.Delivery("eventbridge", Optional.empty()));
    assertThat(s.ses()).isEqualTo(new Settings.SesCapture(false, Optional.empty()));
    assertThat(s.jobOptions())
        .isEqualTo(new Settings.JobOptions(List.of(), "count", Optional.empty()));
    assertThat(s.events().directPut()).isFalse();
    assertThat(s.catalog().crossCheck()).isFalse();
    assertThat(s.emr())
        .isEqualTo(new Settings.Emr("emr-7.9.0", "X86_64", "32 vCPU", "128 GB", "1000 GB", 15));
    assertThat(s.schedule()).isEqualTo(new Settings.Schedule("cron(30 2 * * ? *)", "UTC", true));
    assertThat(s.retention()).isEqualTo(new Settings.Retention(90, 30, true));
    assertThat(s.runs()).isEqualTo(new Settings.Runs(180, 7200, "", false));
  }

  @Test
  void artifactPathsAreRelativeToTheRepositoryRoot() {
    Settings s = settings("jobJar", "/abs/job.jar");

    assertThat(s.artifacts().jobJar()).isEqualTo(Path.of("/abs/job.jar"));
    assertThat(s.artifacts().lambdaJar())
        .isEqualTo(Path.of("/repo/orchestrator/target/reengage-orchestrator.jar"));
    assertThat(s.artifacts().stateMachineFile())
        .isEqualTo(Path.of("/repo/orchestrator/statemachine/reengage.asl.json"));
  }

  @Test
  void valuesFromCdkJsonKeepTheirJsonTypes() {
    Map<String, Object> context = new HashMap<>();
    context.put("deliveredWindowMonths", 12);
    context.put("scheduleEnabled", false);

    Settings s = settings(context);

    assertThat(s.rules().deliveredWindowMonths()).isEqualTo(12);
    assertThat(s.schedule().enabled()).isFalse();
  }

  @Test
  void existingProjectWithExistingStreamKeepsItsEventStream() {
    Settings s = settings("pinpointProjectId", PROJECT, "kinesisStreamArn", KINESIS);

    assertThat(s.pinpoint().existingProjectId()).contains(PROJECT);
    assertThat(s.pinpoint().createEventStream()).isFalse();
    assertThat(s.events().createsKinesisStream()).isFalse();
    assertThat(s.events().createsFirehose()).isTrue();
  }

  @Test
  void existingProjectWithoutAPipelineGetsAnEventStreamIntoTheNewOne() {
    assertThat(settings("pinpointProjectId", PROJECT).pinpoint().createEventStream()).isTrue();
  }

  @Test
  void eventStreamCanBeForcedEitherWay() {
    assertThat(
            settings("pinpointProjectId", PROJECT, "createEventStream", "false")
                .pinpoint()
                .createEventStream())
        .isFalse();
    assertThat(
            settings(
                    "pinpointProjectId",
                    PROJECT,
                    "firehoseArn",
                    FIREHOSE,
                    "eventsBucket",
                    "my-events",
                    "createEventStream",
                    "true")
                .pinpoint()
                .createEventStream())
        .isTrue();
  }

  @Test
  void existingFirehoseMeansNothingIsCreatedForIngest() {
    Settings s = settings("firehoseArn", FIREHOSE, "eventsBucket", "my-events", "eventsPrefix", "");

    assertThat(s.events().createsFirehose()).isFalse();
    assertThat(s.events().createsKinesisStream()).isFalse();
    assertThat(s.events().existingBucket()).contains("my-events");
    assertThat(s.events().prefix()).isEmpty();
  }

  @Test
  void kinesisAndFirehoseTogetherAreRefused() {
    assertThatThrownBy(
            () ->
                settings(
                    "kinesisStreamArn", KINESIS, "firehoseArn", FIREHOSE, "eventsBucket", "b-1"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "Cannot use both kinesisStreamArn and firehoseArn: give the Firehose if it already delivers"
                + " to S3, else the Kinesis stream (remove one of the -c values)");
  }

  @Test
  void existingFirehoseNeedsItsBucket() {
    assertThatThrownBy(() -> settings("firehoseArn", FIREHOSE))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "Cannot use an existing Firehose without eventsBucket: the job must read the bucket that"
                + " Firehose writes to (add -c eventsBucket=BUCKET and -c eventsPrefix=PREFIX/)");
  }

  @Test
  void crossCheckNeedsTheWindowsOfTheOriginalQuery() {
    assertThat(settings("crossCheck", "true").catalog().crossCheck()).isTrue();
    assertThatThrownBy(() -> settings("crossCheck", "true", "engagementWindowMonths", "3"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "Cannot cross-check with deliveredWindowMonths=10, engagementWindowMonths=3, minDelivered=6: the"
                + " Athena query keeps the original 10, 6 and 6 (use the defaults, or set -c crossCheck=false)");
  }

  @Test
  void invalidValueNamesKeyValueAndFix() {
    assertThatThrownBy(() -> settings("minDelivered", "five"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "Invalid context value minDelivered: 'five' (expected a whole number from 1 to 100000;"
                + " set it with -c minDelivered=VALUE or in cdk.json)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "eventsPrefix          | /events/",
        "eventsPrefix          | events",
        "eventsBucket          | s3://my-events",
        "kinesisStreamArn      | my-stream",
        "firehoseArn           | arn:aws:kinesis:eu-west-1:123456789012:stream/x",
        "pinpointProjectId     | my-project",
        "emrArchitecture       | ARM",
        "emrMaxCpu             | 32",
        "emrMaxMemory          | 128GB",
        "emrReleaseLabel       | 7.9.0",
        "emrIdleTimeoutMinutes | 0",
        "schedule              | every day",
        "scheduleTimezone      | Mars/Olympus",
        "scheduleEnabled       | yes",
        "crossCheck            | 1",
        "deliveredWindowMonths | 0",
        "minDelivered          | 0",
        "firehoseBufferMb      | 129",
        "logRetentionDays      | 10",
        "glueTable             | Pinpoint-Events",
        "projectionStart       | 2024-01-01",
        "sparkConf             | --conf 'a=b'",
        "stackName             | 1stack",
      })
  void refusesUnusableValues(String key, String value) {
    assertThatThrownBy(() -> settings(key, value))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("Invalid context value " + key + ": '" + value + "' (expected ");
  }

  // ---- destinations, SES capture, job options

  @Test
  void aProjectIdMakesPinpointTheDefaultDestination_andEitherCanBeChosen() {
    assertThat(settings("pinpointProjectId", PROJECT).delivery().destination())
        .isEqualTo("pinpoint");
    assertThat(
            settings("pinpointProjectId", PROJECT, "destination", "eventbridge")
                .delivery()
                .destination())
        .isEqualTo("eventbridge");
  }

  @Test
  void pinpointWithoutAProjectIsRefused() {
    assertThatThrownBy(() -> settings("destination", "pinpoint"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "Cannot use destination=pinpoint without pinpointProjectId: the stack creates no Pinpoint"
                + " project (add -c pinpointProjectId=ID of a project you still have, or use"
                + " destination=eventbridge)");
    assertThatThrownBy(() -> settings("createEventStream", "true"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("Cannot use createEventStream=true without pinpointProjectId");
  }

  @Test
  void theOldProjectNameSettingIsRefusedWithTheReason() {
    assertThatThrownBy(() -> settings("pinpointProjectName", "reengage"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("does not create Pinpoint projects")
        .hasMessageContaining("-c pinpointProjectId=ID");
  }

  @Test
  void anExistingBusByNameOrArn() {
    assertThat(settings("eventBus", "default").delivery().existingEventBus()).contains("default");
    String arn = "arn:aws:events:eu-west-1:123456789012:event-bus/marketing";
    assertThat(settings("eventBus", arn).delivery().existingEventBus()).contains(arn);
  }

  @Test
  void sesCaptureMakesTheNewFirehoseTakeDirectPuts() {
    Settings s = settings("sesEvents", "true");

    assertThat(s.ses()).isEqualTo(new Settings.SesCapture(true, Optional.empty()));
    assertThat(s.events().directPut()).isTrue();
    assertThat(s.events().createsKinesisStream()).isFalse();
    assertThat(s.events().createsFirehose()).isTrue();
    assertThat(settings("sesEvents", "true", "sesConfigurationSet", "marketing").ses())
        .isEqualTo(new Settings.SesCapture(true, Optional.of("marketing")));
  }

  @Test
  void sesCaptureWithAKinesisStreamIsRefused() {
    assertThatThrownBy(() -> settings("sesEvents", "true", "kinesisStreamArn", KINESIS))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("Cannot use sesEvents=true with kinesisStreamArn: SES puts");
  }

  @Test
  void aConfigurationSetWithoutCaptureIsRefused() {
    assertThatThrownBy(() -> settings("sesConfigurationSet", "marketing"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("sesConfigurationSet is only read with sesEvents=true");
  }

  @Test
  void jobOptionsAreRead() {
    Settings s =
        settings(
            "extraEventsUris",
            " s3://old-events/pinpoint/ , s3://ses-events/ ",
            "machineOpens",
            "ignore",
            "machineOpenIpsUri",
            "s3://config-1/apple/egress-ip-ranges.csv");

    assertThat(s.jobOptions())
        .isEqualTo(
            new Settings.JobOptions(
                List.of("s3://old-events/pinpoint/", "s3://ses-events/"),
                "ignore",
                Optional.of("s3://config-1/apple/egress-ip-ranges.csv")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "destination          | ses",
        "destination          | EventBridge",
        "eventBus             | my bus",
        "eventBus             | arn:aws:events:eu-west-1:123456789012:rule/x",
        "sesEvents            | on",
        "extraEventsUris      | s3://old-events/pinpoint",
        "extraEventsUris      | /data/events/",
        "extraEventsUris      | s3://old-events/it's/",
        "machineOpens         | drop",
        "machineOpenIpsUri    | /tmp/ips.csv",
        "machineOpenIpsUri    | s3://config-1/",
      })
  void refusesUnusableDeliveryAndJobValues(String key, String value) {
    assertThatThrownBy(() -> settings(key, value))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("Invalid context value " + key + ": '" + value + "' (expected ");
  }

  @Test
  void logRetentionAcceptsOnlyCloudWatchPeriods() {
    assertThat(settings("logRetentionDays", "30").retention().logDays()).isEqualTo(30);
    assertThatThrownBy(() -> LogRetention.of(31))
        .hasMessageContaining(
            "one of the periods CloudWatch Logs offers: [1, 3, 5, 7, 14, 30, 60, 90,");
  }

  @Test
  void blankValuesMeanDefault() {
    Settings s = settings("eventsBucket", "  ", "pinpointProjectId", "");

    assertThat(s.events().existingBucket()).isEqualTo(Optional.empty());
    assertThat(s.pinpoint().existingProjectId()).isEmpty();
  }
}
