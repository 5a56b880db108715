package io.reengage.orchestrator.ops.config;

/** A failure the operator can act on; its message is the one line the tool prints. */
public class OpsException extends RuntimeException {

  public OpsException(String message) {
    super(message);
  }
}
