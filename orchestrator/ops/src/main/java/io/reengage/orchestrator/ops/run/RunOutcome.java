package io.reengage.orchestrator.ops.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * What a finished execution delivered, read from its output: the EventBridge event it published
 * (exactly as sent: the definition keeps it under {@code event}), or the Pinpoint import and tag,
 * and where the run's report is. Counts, IDs and URIs only: the output holds no address.
 */
final class RunOutcome {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunOutcome() {}

  static List<String> lines(String executionOutput) {
    List<String> lines = new ArrayList<>();
    if (executionOutput == null || executionOutput.isBlank()) {
      return lines;
    }
    JsonNode output;
    try {
      output = JSON.readTree(executionOutput);
    } catch (JsonProcessingException e) {
      return lines;
    }
    JsonNode event = output.path("event");
    if (output.has("published") && event.isObject()) {
      lines.add(
          String.format(
              "Published \"%s\" from %s on %s (event ID %s):",
              event.path("detailType").asText(),
              event.path("source").asText(),
              event.path("bus").asText(),
              output.at("/published/Entries/0/EventId").asText("?")));
      lines.add("  " + event.path("detail").toString());
    }
    if (output.has("tagged")) {
      JsonNode status = output.path("importStatus");
      lines.add(
          String.format(
              "Imported into Pinpoint segment %s (import job %s: %s rows processed, %s failed); tagged %s",
              status.path("segmentId").asText("?"),
              status.path("importJobId").asText("?"),
              status.path("totalProcessed").asText("?"),
              status.path("totalFailures").asText("?"),
              output.at("/tagged/segmentArn").asText("?")));
    }
    if (!output.has("published") && !output.has("tagged") && output.has("summary")) {
      lines.add(
          String.format(
              "Nothing delivered: %s unengaged addresses (dry run, or none on the pinpoint"
                  + " destination)",
              output.at("/summary/unengaged").asText("?")));
    }
    JsonNode report = output.at("/paths/report");
    if (report.isTextual()) {
      lines.add("Report: " + report.asText());
    }
    return lines;
  }
}
