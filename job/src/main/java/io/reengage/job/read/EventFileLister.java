package io.reengage.job.read;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the event objects a run must read, skipping hour folders that cannot hold events of the
 * window.
 *
 * <p>Firehose names folders by its own UTC clock when it receives a record, shortly after
 * Pinpoint's {@code arrival_timestamp}. So an event can only sit in the folder of its arrival hour
 * or a later one. The caller widens the hour range by a slack on both sides; this class lists each
 * month under the root with one recursive listing (a paged flat LIST on S3, not one call per hour
 * folder) and keeps the files whose day and hour fall in the range. Months are listed in parallel.
 *
 * <p>Names starting with {@code _} or {@code .} (markers, checksums, temporary files) are never
 * read.
 */
public final class EventFileLister {

  private static final Pattern YEAR = Pattern.compile("(?:year=)?(\\d{4})");
  private static final Pattern MONTH = Pattern.compile("(?:month=)?(\\d{2})");
  private static final Pattern DAY = Pattern.compile("(?:day=)?(\\d{2})");
  private static final Pattern HOUR = Pattern.compile("(?:hour=)?(\\d{2})");
  private static final int LISTING_THREADS = 8;

  /** The files found, the layout used, and how many month folders were listed. */
  public record Listing(List<EventFile> files, FolderLayout layout, int foldersListed) {
    public long totalBytes() {
      return files.stream().mapToLong(EventFile::length).sum();
    }
  }

  /** Inclusive range of UTC hour folders worth reading. */
  public record HourRange(Instant firstHour, Instant lastHour) {
    public HourRange {
      firstHour = firstHour.truncatedTo(ChronoUnit.HOURS);
      lastHour = lastHour.truncatedTo(ChronoUnit.HOURS);
    }

    boolean contains(LocalDateTime hour) {
      Instant h = hour.toInstant(ZoneOffset.UTC);
      return !h.isBefore(firstHour) && !h.isAfter(lastHour);
    }
  }

  private final FileSystem fs;

  public EventFileLister(FileSystem fs) {
    this.fs = fs;
  }

  /**
   * Lists the files under {@code root}. With a pruning layout, only hour folders inside {@code
   * range} are read; with FLAT (or a root that is a single file) everything is.
   *
   * @throws FileNotFoundException when the root does not exist
   */
  public Listing list(Path root, FolderLayout requested, HourRange range) throws IOException {
    FileStatus rootStatus = fs.getFileStatus(root);
    if (rootStatus.isFile()) {
      return new Listing(List.of(toEventFile(rootStatus)), FolderLayout.FLAT, 0);
    }
    FolderLayout layout = requested == FolderLayout.AUTO ? detect(root) : requested;
    if (layout == FolderLayout.FLAT) {
      List<EventFile> files = new ArrayList<>();
      collect(root, files, null);
      files.sort(Comparator.comparing(EventFile::path));
      return new Listing(files, layout, 1);
    }
    List<Path> months = monthFolders(root, layout, range);
    List<EventFile> files = listMonthsInParallel(months, range);
    files.sort(Comparator.comparing(EventFile::path));
    return new Listing(files, layout, months.size());
  }

  private FolderLayout detect(Path root) throws IOException {
    for (FileStatus child : fs.listStatus(root)) {
      if (!child.isDirectory()) {
        continue;
      }
      String name = child.getPath().getName();
      if (name.matches("\\d{4}")) {
        return FolderLayout.FIREHOSE;
      }
      if (name.matches("year=\\d{4}")) {
        return FolderLayout.HIVE;
      }
    }
    return FolderLayout.FLAT;
  }

  private List<Path> monthFolders(Path root, FolderLayout layout, HourRange range)
      throws IOException {
    String yearPrefix = layout == FolderLayout.HIVE ? "year=" : "";
    String monthPrefix = layout == FolderLayout.HIVE ? "month=" : "";
    YearMonth first = YearMonth.from(range.firstHour().atZone(ZoneOffset.UTC));
    YearMonth last = YearMonth.from(range.lastHour().atZone(ZoneOffset.UTC));
    List<Path> months = new ArrayList<>();
    for (FileStatus yearDir : fs.listStatus(root)) {
      Integer year = number(yearDir, YEAR, yearPrefix);
      if (year == null || year < first.getYear() || year > last.getYear()) {
        continue;
      }
      for (FileStatus monthDir : fs.listStatus(yearDir.getPath())) {
        Integer month = number(monthDir, MONTH, monthPrefix);
        if (month == null || month < 1 || month > 12) {
          continue;
        }
        YearMonth ym = YearMonth.of(year, month);
        if (!ym.isBefore(first) && !ym.isAfter(last)) {
          months.add(monthDir.getPath());
        }
      }
    }
    months.sort(Comparator.comparing(Path::toString));
    return months;
  }

  private static Integer number(FileStatus status, Pattern pattern, String prefix) {
    if (!status.isDirectory()) {
      return null;
    }
    String name = status.getPath().getName();
    Matcher m = pattern.matcher(name);
    if (!m.matches() || !name.startsWith(prefix)) {
      return null;
    }
    return Integer.parseInt(m.group(1));
  }

  private List<EventFile> listMonthsInParallel(List<Path> months, HourRange range)
      throws IOException {
    if (months.isEmpty()) {
      return new ArrayList<>();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(LISTING_THREADS, months.size()));
    try {
      List<Future<List<EventFile>>> futures = new ArrayList<>();
      for (Path month : months) {
        futures.add(pool.submit(() -> listMonth(month, range)));
      }
      List<EventFile> all = new ArrayList<>();
      for (Future<List<EventFile>> f : futures) {
        all.addAll(f.get());
      }
      return all;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while listing event folders", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException uio) {
        throw uio.getCause();
      }
      throw new IOException("Cannot list event folders: " + cause, cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<EventFile> listMonth(Path monthDir, HourRange range) throws IOException {
    int year = Integer.parseInt(digits(monthDir.getParent().getName()));
    int month = Integer.parseInt(digits(monthDir.getName()));
    String base = monthDir.toUri().getPath();
    List<EventFile> files = new ArrayList<>();
    for (EventFile file : listRecursively(monthDir)) {
      Path path = new Path(file.path());
      if (hidden(path)) {
        continue;
      }
      String relative = path.toUri().getPath().substring(base.length());
      String[] parts =
          relative.startsWith("/") ? relative.substring(1).split("/") : relative.split("/");
      if (parts.length < 3) {
        continue; // not inside a DD/HH folder
      }
      Matcher day = DAY.matcher(parts[0]);
      Matcher hour = HOUR.matcher(parts[1]);
      if (!day.matches() || !hour.matches()) {
        continue;
      }
      LocalDateTime folderHour;
      try {
        folderHour =
            LocalDateTime.of(
                year, month, Integer.parseInt(day.group(1)), Integer.parseInt(hour.group(1)), 0);
      } catch (java.time.DateTimeException e) {
        continue; // not a real date: not a Firehose folder
      }
      if (range.contains(folderHour)) {
        files.add(file);
      }
    }
    return files;
  }

  private static String digits(String folderName) {
    int eq = folderName.indexOf('=');
    return eq >= 0 ? folderName.substring(eq + 1) : folderName;
  }

  private void collect(Path dir, List<EventFile> out, String unused) throws IOException {
    for (EventFile file : listRecursively(dir)) {
      if (!hidden(new Path(file.path()))) {
        out.add(file);
      }
    }
  }

  /**
   * Every file under a folder. On object stores this is Hadoop's recursive listing (one paged flat
   * LIST on S3). On local disks it walks the folder with java.nio instead: Hadoop's local listing
   * builds a located status per file, and without Hadoop's native library that starts a shell
   * process per file to read its permissions (minutes for a year of Firehose objects).
   */
  private List<EventFile> listRecursively(Path dir) throws IOException {
    List<EventFile> files = new ArrayList<>();
    if ("file".equals(fs.getScheme())) {
      java.nio.file.Path local = java.nio.file.Paths.get(fs.makeQualified(dir).toUri());
      java.nio.file.Files.walkFileTree(
          local,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(
                java.nio.file.Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                files.add(new EventFile(new Path(file.toUri()).toString(), attrs.size()));
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
      return files;
    }
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus status = it.next();
      files.add(toEventFile(status));
    }
    return files;
  }

  private static boolean hidden(Path path) {
    String name = path.getName();
    return name.startsWith("_") || name.startsWith(".");
  }

  private static EventFile toEventFile(FileStatus status) {
    return new EventFile(status.getPath().toString(), status.getLen());
  }
}
