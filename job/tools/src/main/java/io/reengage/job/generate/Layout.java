package io.reengage.job.generate;

import java.time.ZonedDateTime;
import java.util.Locale;

/** Where objects go under the output folder (DESIGN.md, Reading). */
public enum Layout {
  /** Firehose's default prefix {@code YYYY/MM/DD/HH/}. */
  FIREHOSE,
  /** The Hive-style prefix {@code year=YYYY/month=MM/day=DD/hour=HH/} that many set for Athena. */
  HIVE,
  /** Every object directly in the output folder. */
  FLAT;

  /**
   * The folder (ending in '/', or empty) for an object whose oldest record reached Firehose at
   * {@code utc}.
   */
  String folder(ZonedDateTime utc) {
    return switch (this) {
      case FIREHOSE ->
          String.format(
              Locale.ROOT,
              "%04d/%02d/%02d/%02d/",
              utc.getYear(),
              utc.getMonthValue(),
              utc.getDayOfMonth(),
              utc.getHour());
      case HIVE ->
          String.format(
              Locale.ROOT,
              "year=%04d/month=%02d/day=%02d/hour=%02d/",
              utc.getYear(),
              utc.getMonthValue(),
              utc.getDayOfMonth(),
              utc.getHour());
      case FLAT -> "";
    };
  }

  static Layout parse(String text) {
    for (Layout layout : values()) {
      if (layout.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return layout;
      }
    }
    throw new IllegalArgumentException(
        "Invalid --layout: " + text + " (use firehose, hive or flat)");
  }
}
