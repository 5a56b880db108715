package io.reengage.orchestrator.statemachine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The committed definition, and the same text with its placeholders replaced as CloudFormation
 * would.
 */
final class Definition {

  static final Path FILE = Path.of("statemachine", "reengage.asl.json");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

  private Definition() {}

  static String template() {
    try {
      return Files.readString(FILE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> sampleValues() {
    try (InputStream in =
        Definition.class.getResourceAsStream("/statemachine/sample-substitutions.json")) {
      return new ObjectMapper()
          .readValue(in, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces every placeholder; one without a value is an error, as it is for CloudFormation. */
  static String substituted(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("No value for placeholder " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static Map<String, String> sampleValuesWith(String name, String value) {
    Map<String, String> values = new LinkedHashMap<>(sampleValues());
    values.put(name, value);
    return values;
  }
}
