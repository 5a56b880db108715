package io.reengage.orchestrator.importing;

/** The import folder must not be handed to Pinpoint; the message says why and what to do. */
public final class ImportRefusedException extends RuntimeException {

  public ImportRefusedException(String message) {
    super(message);
  }
}
