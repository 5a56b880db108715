package io.reengage.orchestrator.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Parses the job's summary.json; a field the workflow needs that is missing or mistyped is an
 * error.
 */
public final class SummaryParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SummaryParser() {}

  public static RunSummary parse(byte[] json, String where) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Cannot read run summary " + where + ": not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read run summary " + where + ": " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalStateException(
          "Cannot read run summary " + where + ": expected a JSON object");
    }
    return new RunSummary(
        text(root, "asOf", where),
        text(root, "until", where),
        count(root, "untilEpochMillis", where),
        count(root, "records", where),
        count(root, "badRecords", where),
        count(root, "addresses", where),
        count(root, "unengaged", where),
        count(root, "outputFiles", where),
        count(root, "outputBytes", where),
        text(root, "importUri", where));
  }

  private static String text(JsonNode root, String field, String where) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new IllegalStateException(
          "Cannot read run summary "
              + where
              + ": field '"
              + field
              + "' is missing or not a string");
    }
    return node.asText();
  }

  private static long count(JsonNode root, String field, String where) {
    JsonNode node = root.get(field);
    if (node == null || !node.canConvertToExactIntegral() || node.asLong() < 0) {
      throw new IllegalStateException(
          "Cannot read run summary "
              + where
              + ": field '"
              + field
              + "' is missing or not a non-negative integer");
    }
    return node.asLong();
  }
}
