package io.reengage.infra.config;

/** A context value that cannot be used; the message says which, why and how to fix it. */
public final class InvalidSettingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidSettingException(String message) {
    super(message);
  }
}
