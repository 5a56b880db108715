package io.reengage.job.rollup;

import io.reengage.job.common.Filesystems;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The rollup folder: {@code day=YYYY-MM-DD/} partitions of Parquet files, each closed by a {@link
 * DayMarker}. Days are replaced whole: a rerun deletes the day's old files before moving the new
 * ones in, and the marker goes last, so a crash leaves the day unmarked (and so unused) rather than
 * half-written. Months can also be compacted ({@link MonthMarker}) into {@code month=YYYY-MM/}:
 * copies of their days' rows in fewer, larger files, used only while they match the days' markers.
 */
public final class RollupStore {

  private static final String DAY_PREFIX = "day=";
  private static final String MONTH_PREFIX = "month=";
  private static final int MARKER_READ_THREADS = 16;

  private final FileSystem fs;
  private final Path root;

  public RollupStore(String uri, Configuration conf) throws IOException {
    Path path = Filesystems.path(uri);
    this.fs = Filesystems.forOutput(path, conf);
    this.root = fs.makeQualified(path);
  }

  public Path root() {
    return root;
  }

  public Path dayFolder(LocalDate day) {
    return new Path(root, DAY_PREFIX + day);
  }

  public Path monthFolder(YearMonth month) {
    return new Path(root, MONTH_PREFIX + month);
  }

  /** The compacted Parquet files a month marker names, as full paths. */
  public List<String> files(MonthMarker marker) {
    return paths(monthFolder(marker.yearMonth()), marker.files());
  }

  /** The aggregate Parquet files a month marker names, as full paths. */
  public List<String> aggregateFiles(MonthMarker marker) {
    return paths(
        new Path(monthFolder(marker.yearMonth()), MonthMarker.AGGREGATE_FOLDER),
        marker.aggregateFiles());
  }

  private static List<String> paths(Path folder, List<String> names) {
    List<String> paths = new ArrayList<>();
    for (String name : names) {
      paths.add(new Path(folder, name).toString());
    }
    return paths;
  }

  /** The markers of the compacted months from {@code from} to {@code to}, where there are any. */
  public Map<YearMonth, MonthMarker> compactedMonths(YearMonth from, YearMonth to)
      throws IOException {
    Map<YearMonth, MonthMarker> result = new TreeMap<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      Path marker = new Path(monthFolder(m), MonthMarker.FILE_NAME);
      try (InputStream in = fs.open(marker)) {
        result.put(m, MonthMarker.fromJson(in.readAllBytes()));
      } catch (FileNotFoundException e) {
        // not compacted (or being compacted right now): its days are read from their own files
      }
    }
    return result;
  }

  /**
   * Replaces a month's compacted files with the staged ones and writes its marker last. The old
   * marker goes first, so a crash in between leaves the month unmarked, and so unused, not wrong.
   */
  public void publishMonth(Path staged, MonthMarker marker) throws IOException {
    Path target = monthFolder(marker.yearMonth());
    fs.delete(new Path(target, MonthMarker.FILE_NAME), false);
    fs.delete(target, true);
    if (!fs.rename(staged, target)) {
      throw new IOException("cannot move " + staged + " to " + target);
    }
    try (OutputStream out = fs.create(new Path(target, MonthMarker.FILE_NAME), true)) {
      out.write(marker.toJson());
    }
  }

  /** The Parquet files of a finished Spark write into {@code folder}, with their total size. */
  public record WrittenFiles(List<String> names, long bytes) {}

  public WrittenFiles parquetFiles(Path folder) throws IOException {
    long bytes = 0;
    List<String> files = new ArrayList<>();
    if (fs.exists(folder)) {
      for (FileStatus f : fs.listStatus(folder)) {
        String name = f.getPath().getName();
        if (f.isFile()
            && name.endsWith(".parquet")
            && !name.startsWith(".")
            && !name.startsWith("_")) {
          files.add(name);
          bytes += f.getLen();
        }
      }
      files.sort(null);
    }
    return new WrittenFiles(files, bytes);
  }

  /** The Parquet files a marker names, as full paths. */
  public List<String> files(DayMarker marker) {
    return paths(dayFolder(marker.date()), marker.files());
  }

  /** The complete days between {@code from} and {@code to} (inclusive) with their markers. */
  public Map<LocalDate, DayMarker> completeDays(LocalDate from, LocalDate to) throws IOException {
    List<LocalDate> candidates = new ArrayList<>();
    FileStatus[] children;
    try {
      children = fs.listStatus(root);
    } catch (FileNotFoundException e) {
      return new TreeMap<>();
    }
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      if (!child.isDirectory() || !name.startsWith(DAY_PREFIX)) {
        continue;
      }
      LocalDate day;
      try {
        day = LocalDate.parse(name.substring(DAY_PREFIX.length()));
      } catch (java.time.DateTimeException e) {
        continue;
      }
      if (!day.isBefore(from) && !day.isAfter(to)) {
        candidates.add(day);
      }
    }
    Map<LocalDate, DayMarker> result = new TreeMap<>();
    if (candidates.isEmpty()) {
      return result;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(MARKER_READ_THREADS, candidates.size()));
    try {
      List<Future<DayMarker>> markers = new ArrayList<>();
      for (LocalDate day : candidates) {
        markers.add(pool.submit(() -> readMarker(day)));
      }
      for (int i = 0; i < candidates.size(); i++) {
        DayMarker m = markers.get(i).get();
        if (m != null) {
          result.put(candidates.get(i), m);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while reading rollup markers", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException(
          "Cannot read rollup markers under " + root + ": " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return result;
  }

  private DayMarker readMarker(LocalDate day) throws IOException {
    Path marker = new Path(dayFolder(day), DayMarker.FILE_NAME);
    try (InputStream in = fs.open(marker)) {
      return DayMarker.fromJson(in.readAllBytes());
    } catch (FileNotFoundException e) {
      return null; // not complete: a crashed or running rollup
    }
  }

  /** A fresh staging folder for a batch of days. */
  public Path newStaging() throws IOException {
    Path staging = new Path(root, "_staging-" + java.util.UUID.randomUUID());
    if (!fs.mkdirs(staging)) {
      throw new IOException("cannot create " + staging);
    }
    return staging;
  }

  /**
   * Replaces each day with its staged folder (which may be missing for a day without events) and
   * writes its marker last, with the day's size in bytes filled in.
   */
  public void publish(Path staging, List<DayMarker> days) throws IOException {
    for (DayMarker day : days) {
      Path target = dayFolder(day.date());
      fs.delete(target, true);
      Path staged = new Path(staging, DAY_PREFIX + day.day());
      WrittenFiles written = parquetFiles(staged);
      DayMarker marker = day.withFiles(written.bytes(), written.names());
      if (fs.exists(staged)) {
        if (!fs.rename(staged, target)) {
          throw new IOException("cannot move " + staged + " to " + target);
        }
      } else if (!fs.mkdirs(target)) {
        throw new IOException("cannot create " + target);
      }
      try (OutputStream out = fs.create(new Path(target, DayMarker.FILE_NAME), true)) {
        out.write(marker.toJson());
      }
    }
    fs.delete(staging, true);
  }

  public void abandon(Path staging) {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      // best effort: staging folders are ignored by readers
    }
  }
}
