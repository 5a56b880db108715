package io.reengage.job.read;

import java.util.Locale;

/** How event objects are arranged under the events root. */
public enum FolderLayout {
  /**
   * Detect from the root's sub-folders: {@code YYYY/} means FIREHOSE, {@code year=YYYY/} HIVE, else
   * FLAT.
   */
  AUTO,
  /**
   * Firehose's default UTC prefix {@code YYYY/MM/DD/HH/}. Hour folders outside the window are not
   * listed.
   */
  FIREHOSE,
  /**
   * {@code year=YYYY/month=MM/day=DD/hour=HH/}, as set up for Athena partitions. Pruned like
   * FIREHOSE.
   */
  HIVE,
  /** Every file under the root, read whole with no pruning. */
  FLAT;

  public static FolderLayout parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid layout: " + value + " (use auto, firehose, hive or flat)");
    }
  }
}
