package io.reengage.orchestrator.ops.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reengage.orchestrator.ops.OpsMain;
import io.reengage.orchestrator.ops.config.OpsException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * {@code ./reengage aws run}: starts the state machine for a date, and optionally follows it to the
 * end.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the reengage state machine for an as-of date (default: today, UTC).",
      "With --wait, prints each state as it passes and ends with the outcome; exit 0 when the execution"
          + " succeeded, 1 when it failed, timed out or was aborted, 2 on an error."
    })
public final class RunCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand OpsMain parent;

  @Option(
      names = "--as-of",
      description = "As-of date YYYY-MM-DD (default: the state machine's, today UTC).")
  LocalDate asOf;

  @Option(
      names = "--until",
      description =
          "Exclusive upper bound on arrival time: ISO-8601 instant or epoch milliseconds.")
  String until;

  @Option(names = "--dry-run", description = "Stop after the job: write the CSV, import nothing.")
  boolean dryRun;

  @Option(
      names = "--cross-check",
      description = "Also run the original query on Athena and fail on any difference.")
  boolean crossCheck;

  @Option(
      names = "--destination",
      paramLabel = "eventbridge|pinpoint",
      description =
          "Where this run's result goes (default: the deployment's): publish the event, or import"
              + " into the Pinpoint segment.")
  String destination;

  @Option(
      names = "--events",
      paramLabel = "URI",
      description =
          "An events root to read instead of the deployment's (repeat for several, e.g. the Pinpoint"
              + " and the SES folders).")
  List<String> events;

  @Option(
      names = "--machine-opens",
      paramLabel = "count|ignore",
      description =
          "Count machine opens as engagement, or ignore them (default: the deployment's).")
  String machineOpens;

  @Option(
      names = "--machine-open-ips",
      paramLabel = "URI",
      description =
          "S3 object with the IP ranges of machine opens (default: the deployment's; \"\" for none).")
  String machineOpenIps;

  @Option(names = "--wait", description = "Follow the execution until it ends.")
  boolean await;

  @Option(
      names = "--name",
      description = "Execution name (default: manual-<as-of or today>-<UTC time>).")
  String name;

  @Option(
      names = "--poll-seconds",
      defaultValue = "15",
      description = "Seconds between polls with --wait (default: ${DEFAULT-VALUE}).")
  int pollSeconds;

  @Option(
      names = "--state-machine-arn",
      description = "State machine ARN (stack output StateMachineArn).")
  String stateMachineArn;

  @Override
  public Integer call() {
    String arn = parent.setting(stateMachineArn, "StateMachineArn", "--state-machine-arn");
    String input = input();
    String executionName =
        name != null
            ? name
            : "manual-"
                + (asOf != null ? asOf.toString() : "today")
                + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                    .withZone(ZoneOffset.UTC)
                    .format(parent.pacer().now());
    PrintWriter out = parent.out();
    String executionArn;
    try {
      executionArn =
          parent
              .apis()
              .sfn()
              .startExecution(b -> b.stateMachineArn(arn).name(executionName).input(input))
              .executionArn();
    } catch (SfnException e) {
      throw new OpsException(
          "Cannot start "
              + arn
              + ": "
              + e.awsErrorDetails().errorCode()
              + ": "
              + e.awsErrorDetails().errorMessage());
    }
    out.printf("Started %s with %s%n", executionArn, input);
    out.flush();
    if (!await) {
      return 0;
    }
    DescribeExecutionResponse end =
        new ExecutionWatcher(parent.apis().sfn(), parent.pacer(), out)
            .follow(executionArn, Duration.ofSeconds(Math.max(1, pollSeconds)));
    if (end.status() == ExecutionStatus.SUCCEEDED) {
      out.printf("SUCCEEDED %s%n", executionName);
      RunOutcome.lines(end.output()).forEach(out::println);
      out.flush();
      return 0;
    }
    out.printf(
        "%s %s: %s%s%n",
        end.statusAsString(),
        executionName,
        end.error() == null ? "(no error name)" : end.error(),
        end.cause() == null ? "" : ": " + end.cause());
    out.println("See orchestrator/README.md, 'What a failure means and what to do'.");
    out.flush();
    return 1;
  }

  String input() {
    ObjectNode input = JSON.createObjectNode();
    if (asOf != null) {
      input.put("asOf", asOf.toString());
    }
    if (until != null) {
      if (until.matches("[0-9]{1,15}")) {
        input.put("until", Long.parseLong(until));
      } else {
        input.put("until", until);
      }
    }
    if (dryRun) {
      input.put("dryRun", true);
    }
    if (crossCheck) {
      input.put("crossCheck", true);
    }
    if (destination != null) {
      input.put("destination", destination);
    }
    if (events != null && !events.isEmpty()) {
      events.forEach(input.putArray("events")::add);
    }
    if (machineOpens != null) {
      input.put("machineOpens", machineOpens);
    }
    if (machineOpenIps != null) {
      input.put("machineOpenIps", machineOpenIps);
    }
    return input.toString();
  }
}
