package io.reengage.job.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a run's summary.json for assertions. */
final class Summary {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Summary() {}

  static JsonNode read(Path outFolder) throws IOException {
    return JSON.readTree(outFolder.resolve("summary.json").toFile());
  }

  static JsonNode parse(byte[] json) throws IOException {
    return JSON.readTree(json);
  }
}
