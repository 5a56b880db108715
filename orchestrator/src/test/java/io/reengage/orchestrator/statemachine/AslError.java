package io.reengage.orchestrator.statemachine;

/** An error as Step Functions names it (Error and Cause), raised by a task or by the runtime. */
final class AslError extends RuntimeException {

  private final String error;
  private final String cause;

  AslError(String error, String cause) {
    super(error + ": " + cause);
    this.error = error;
    this.cause = cause;
  }

  String error() {
    return error;
  }

  String cause() {
    return cause;
  }
}
