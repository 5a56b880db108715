package io.reengage.orchestrator.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Calls a handler the way the Lambda runtime does: the typed input as JSON in, the output JSON read
 * back as the map the state machine's selectors see (whole numbers as longs).
 */
final class Invoke {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Invoke() {}

  static <I, O> Map<String, Object> handler(JsonHandler<I, O> handler, I input, Context context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(input)), out, context);
      O output = JSON.readValue(out.toByteArray(), handler.outputType());
      return JSON.convertValue(output, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
