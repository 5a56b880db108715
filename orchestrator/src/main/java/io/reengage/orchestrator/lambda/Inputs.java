package io.reengage.orchestrator.lambda;

/** Reads fields of a handler's input; a missing one names the field and the state that sends it. */
final class Inputs {

  private Inputs() {}

  /** A field of a typed input: present and not blank. */
  static String required(Object value, String field, String handler) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException(
          "Invalid input to "
              + handler
              + ": field '"
              + field
              + "' is missing or not a string (the state machine passes it; see reengage.asl.json)");
    }
    return text;
  }
}
