package io.reengage.orchestrator.aws;

import java.util.Map;

/**
 * Reads the Lambdas' settings from environment variables, failing with the name of what is missing.
 */
public final class Settings {

  /** The Pinpoint project (application) ID. */
  public static final String APPLICATION_ID = "PINPOINT_APPLICATION_ID";

  /** The role Pinpoint assumes to read the import folder. */
  public static final String IMPORT_ROLE_ARN = "IMPORT_ROLE_ARN";

  /** The name given to the segment when no segment is tagged REENGAGEMENT=YES yet. */
  public static final String SEGMENT_NAME = "SEGMENT_NAME";

  public static final String SEGMENT_NAME_DEFAULT = "reengagement-unengaged";

  private final Map<String, String> env;

  public Settings(Map<String, String> env) {
    this.env = env;
  }

  public static Settings fromEnvironment() {
    return new Settings(System.getenv());
  }

  public String required(String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "Missing setting "
              + name
              + ": set the environment variable "
              + name
              + " on the function");
    }
    return value.trim();
  }

  public String optional(String name, String defaultValue) {
    String value = env.get(name);
    return value == null || value.isBlank() ? defaultValue : value.trim();
  }
}
