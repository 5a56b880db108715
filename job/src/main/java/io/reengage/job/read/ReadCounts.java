package io.reengage.job.read;

import java.io.Serializable;

/**
 * What a read saw, summed over files. Mutable while one task reads; merged on the driver.
 *
 * <p>{@code records} counts every record the splitter found, good or bad; {@code badRecords} those
 * that were not valid JSON objects or had a wrongly typed field; {@code ignoredRecords} those of a
 * type the rules do not use; {@code outOfRange} events of a wanted type outside the read range or
 * without a timestamp; {@code events} the rows handed on to the rules. {@code pinpointRecords} and
 * {@code sesRecords} count the records recognised as each source (whatever their type, and also the
 * bad ones whose source could be told).
 */
public final class ReadCounts implements Serializable {

  private static final long serialVersionUID = 1L;

  public long files;
  public long bytes;
  public long unreadableFiles;
  public long records;
  public long badRecords;
  public long ignoredRecords;
  public long outOfRange;
  public long events;
  public long pinpointRecords;
  public long sesRecords;

  /** Files the storage failed to open or read (denied, gone, network): not damage in the data. */
  public long storageFailures;

  /** The first such file and the error's type, for the failure message; null when none. */
  public String firstStorageFailure;

  public void add(ReadCounts other) {
    files += other.files;
    bytes += other.bytes;
    unreadableFiles += other.unreadableFiles;
    records += other.records;
    badRecords += other.badRecords;
    ignoredRecords += other.ignoredRecords;
    outOfRange += other.outOfRange;
    events += other.events;
    pinpointRecords += other.pinpointRecords;
    sesRecords += other.sesRecords;
    storageFailures += other.storageFailures;
    if (firstStorageFailure == null) {
      firstStorageFailure = other.firstStorageFailure;
    }
  }

  /**
   * Fails the run when the storage could not deliver some file (after its own retries): skipping it
   * would silently drop its events, and an address whose opens are in it would be exported.
   */
  public void checkStorage(String eventsUri) {
    if (storageFailures > 0) {
      throw new io.reengage.job.common.ReengageException(
          String.format(
              "Cannot read %d of %d files under --events %s (first: %s) (check read permissions,"
                  + " encryption keys and the network, then rerun; nothing was published)",
              storageFailures, files, eventsUri, firstStorageFailure));
    }
  }

  /** Share of bad records among all records seen; 0 when nothing was read. */
  public double badFraction() {
    return records == 0 ? 0.0 : (double) badRecords / records;
  }

  @Override
  public String toString() {
    return String.format(
        "files=%d bytes=%d unreadableFiles=%d records=%d bad=%d ignored=%d outOfRange=%d events=%d",
        files, bytes, unreadableFiles, records, badRecords, ignoredRecords, outOfRange, events);
  }
}
