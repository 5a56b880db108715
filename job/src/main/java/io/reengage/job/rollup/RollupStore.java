package io.reengage.job.rollup;

import io.reengage.job.common.Filesystems;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
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
 * The rollup folder: {@code day=YYYY-MM-DD/} partitions of Parquet files, each closed by a
 * {@link DayMarker}. Days are replaced whole: a rerun deletes the day's old files before moving the
 * new ones in, and the marker goes last, so a crash leaves the day unmarked (and so unused) rather
 * than half-written.
 */
public final class RollupStore {

  private static final String DAY_PREFIX = "day=";
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
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(MARKER_READ_THREADS, candidates.size()));
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
      throw new IOException("Cannot read rollup markers under " + root + ": " + e.getCause(), e.getCause());
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
   * writes its marker last.
   */
  public void publish(Path staging, List<DayMarker> days) throws IOException {
    for (DayMarker marker : days) {
      Path target = dayFolder(marker.date());
      fs.delete(target, true);
      Path staged = new Path(staging, DAY_PREFIX + marker.day());
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
