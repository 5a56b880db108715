package io.reengage.orchestrator.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A Lambda whose input and output are typed records, read and written with the Jackson bundled in
 * this jar rather than the runtime's own serializer (whose support for records depends on the
 * runtime's version); so what the tests check is what the state machine gets.
 *
 * @param <I> the input record, from the state's {@code Payload}
 * @param <O> the output record, the task's {@code Payload} in the execution
 */
abstract class JsonHandler<I, O> implements RequestStreamHandler {

  static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final Class<I> inputType;
  private final Class<O> outputType;

  JsonHandler(Class<I> inputType, Class<O> outputType) {
    this.inputType = inputType;
    this.outputType = outputType;
  }

  Class<O> outputType() {
    return outputType;
  }

  /** The work, on the typed input. */
  public abstract O handle(I input, Context context);

  @Override
  public final void handleRequest(InputStream in, OutputStream out, Context context)
      throws IOException {
    I input = JSON.readValue(in, inputType);
    JSON.writeValue(out, handle(input, context));
  }
}
