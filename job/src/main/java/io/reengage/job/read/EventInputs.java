package io.reengage.job.read;

import io.reengage.job.common.Filesystems;
import io.reengage.job.common.ReengageException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Finds the event objects that can hold events arriving in given time ranges, for segment and
 * rollup alike: the hour folders from {@link #EARLY_ARRIVAL_HOURS} before each range to {@code
 * lateArrivalHours} after it, each object once. Listing failures become one-line errors.
 */
public final class EventInputs {

  /**
   * Firehose names an object's hour folder after the oldest record in it, so a later record of the
   * same object can sit in a folder up to one buffer interval (at most 900 s) before its own
   * arrival hour. One hour of early slack covers that.
   */
  public static final int EARLY_ARRIVAL_HOURS = 1;

  /** An arrival-time range, {@code [from, until)}. */
  public record Range(Instant from, Instant until) {}

  /** The objects found, the layout used and how many month folders were listed. */
  public record Found(List<EventFile> files, FolderLayout layout, int foldersListed) {
    public long bytes() {
      return files.stream().mapToLong(EventFile::length).sum();
    }
  }

  private EventInputs() {}

  public static Found list(
      Configuration conf,
      String eventsUri,
      FolderLayout layout,
      int lateArrivalHours,
      List<Range> ranges) {
    Path root = Filesystems.path(eventsUri);
    try {
      EventFileLister lister = new EventFileLister(root.getFileSystem(conf));
      Map<String, EventFile> files = new LinkedHashMap<>();
      FolderLayout used = layout;
      int folders = 0;
      for (Range range : ranges) {
        Instant first = range.from().minusSeconds(3600L * EARLY_ARRIVAL_HOURS);
        Instant last = range.until().minusMillis(1).plusSeconds(3600L * lateArrivalHours);
        EventFileLister.Listing listing =
            lister.list(root, layout, new EventFileLister.HourRange(first, last));
        used = listing.layout();
        folders += listing.foldersListed();
        listing.files().forEach(f -> files.putIfAbsent(f.path(), f));
      }
      return new Found(new ArrayList<>(files.values()), used, folders);
    } catch (FileNotFoundException e) {
      throw new ReengageException(
          "Cannot read --events " + eventsUri + ": it does not exist (check the path)", e);
    } catch (IOException | RuntimeException e) {
      throw new ReengageException(
          "Cannot list --events "
              + eventsUri
              + ": "
              + e.getClass().getSimpleName()
              + " "
              + e.getMessage()
              + " (check the location, credentials and network)",
          e);
    }
  }
}
