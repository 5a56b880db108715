package io.reengage.contract.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;

/** {@code summary.json} as written by the job and read by the orchestrator: one mapping. */
public final class SummaryJson {

  /**
   * Indented, fields in record order. Reading ignores fields it does not know, so a newer job's
   * summary still reads; the fields the workflow needs are checked before mapping.
   */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private SummaryJson() {}

  public static byte[] write(RunSummary summary) {
    try {
      return JSON.writeValueAsBytes(summary);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses a summary; {@code where} names it in errors. Fails with {@link IllegalStateException}
   * when it is not JSON, not an object, or lacks a field of {@link WorkflowSummary} (a string that
   * is not blank, or a non-negative integer).
   */
  public static RunSummary read(byte[] json, String where) {
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
    for (RecordComponent field : WorkflowSummary.class.getRecordComponents()) {
      if (field.getType() == String.class) {
        requireText(root, field.getName(), where);
      } else {
        requireCount(root, field.getName(), where);
      }
    }
    try {
      return JSON.treeToValue(root, RunSummary.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Cannot read run summary " + where + ": " + e.getOriginalMessage());
    }
  }

  private static void requireText(JsonNode root, String field, String where) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new IllegalStateException(
          "Cannot read run summary "
              + where
              + ": field '"
              + field
              + "' is missing or not a string");
    }
  }

  private static void requireCount(JsonNode root, String field, String where) {
    JsonNode node = root.get(field);
    if (node == null || !node.canConvertToExactIntegral() || node.asLong() < 0) {
      throw new IllegalStateException(
          "Cannot read run summary "
              + where
              + ": field '"
              + field
              + "' is missing or not a non-negative integer");
    }
  }
}
