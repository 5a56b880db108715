package io.reengage.job.rules;

import java.util.Locale;

/**
 * What the rules do with machine opens (opens a mail privacy proxy made, such as Apple's): count
 * them as engagement, as the Athena query does, or drop them before the query's DISTINCT.
 */
public enum MachineOpenMode {
  COUNT,
  IGNORE;

  /** The option's spelling: {@code count} or {@code ignore}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static MachineOpenMode parse(String text) {
    for (MachineOpenMode m : values()) {
      if (m.optionValue().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "Invalid --machine-opens '" + text + "': use count (the query's behaviour) or ignore");
  }
}
