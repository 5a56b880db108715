package io.reengage.job.read;

import io.reengage.job.spark.internal.SparkInternals;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads event files into a Dataset of {@link EventColumns} rows, in parallel across files.
 *
 * <p>Spark's JSON source cannot read Firehose's concatenated records and parses every field of
 * every record; this reader instead hands each task a group of files (balanced by size) and streams
 * each file through {@link EventFileReader}, which pulls only three fields. Damaged or unreadable
 * files are counted, never fatal: the task moves on to its next file.
 *
 * <p>Rows are handed to Spark in its internal form ({@link InternalRow} with {@link UTF8String}s):
 * the public {@code createDataFrame(JavaRDD<Row>, schema)} would convert every row from the
 * external form again, and at millions of events that conversion costs as much as the parsing. The
 * entry point for internal rows, {@code SparkSession.internalCreateDataFrame}, is Spark-internal
 * API, called through {@link SparkInternals} (which says what replaces it in Spark 4); every reader
 * test exercises it.
 */
public final class SparkEventReader {

  private static final Logger LOG = LoggerFactory.getLogger(SparkEventReader.class);
  private static final long TARGET_SPLIT_BYTES = 128L << 20;

  /** The name of the RDD of raw events, by which {@link ScanStageTimer} finds the scan stages. */
  public static final String RDD_NAME = "reengage raw events";

  /** The lazily read events and the counts that fill in as Spark evaluates them. */
  public record EventRead(Dataset<Row> events, ReadCountsAccumulator counts) {}

  /**
   * The events of several roots (each read on its own, so each keeps its own counts) as one
   * Dataset.
   */
  public record RootsRead(Dataset<Row> events, List<ReadCountsAccumulator> perRoot) {

    /** The counts of every root added up; complete once Spark has evaluated the events. */
    public ReadCounts total() {
      ReadCounts total = new ReadCounts();
      perRoot.forEach(c -> total.add(c.value()));
      return total;
    }
  }

  /** Reads the files of each root (in the order given) into one Dataset. */
  public static RootsRead readRoots(
      SparkSession spark, List<List<EventFile>> roots, ReadFilter filter) {
    Dataset<Row> events = null;
    List<ReadCountsAccumulator> counts = new ArrayList<>();
    for (List<EventFile> files : roots) {
      EventRead read = read(spark, files, filter);
      counts.add(read.counts());
      events = events == null ? read.events() : events.union(read.events());
    }
    if (events == null) {
      events = read(spark, List.of(), filter).events();
    }
    return new RootsRead(events, counts);
  }

  private SparkEventReader() {}

  public static EventRead read(SparkSession spark, List<EventFile> files, ReadFilter filter) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ReadCountsAccumulator counts = new ReadCountsAccumulator();
    spark.sparkContext().register(counts, "reengage.read");
    List<List<EventFile>> groups = balance(files, groupCount(files, jsc.defaultParallelism()));
    Broadcast<SerializableConfiguration> conf =
        jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
    JavaRDD<List<EventFile>> splits = jsc.parallelize(groups, Math.max(1, groups.size()));
    JavaRDD<InternalRow> rows = splits.flatMap(new ReadGroup(conf, filter, counts));
    rows.setName(RDD_NAME);
    return new EventRead(
        SparkInternals.dataFrameOf(spark, rows.rdd(), EventColumns.SCHEMA), counts);
  }

  static int groupCount(List<EventFile> files, int parallelism) {
    long bytes = files.stream().mapToLong(EventFile::length).sum();
    long bySize = (bytes + TARGET_SPLIT_BYTES - 1) / TARGET_SPLIT_BYTES;
    // At least a few tasks per core so one slow file does not idle the others, and a whole number
    // of waves, so the last wave does not leave cores idle.
    long wanted = Math.max(bySize, 3L * parallelism);
    wanted = (wanted + parallelism - 1) / parallelism * parallelism;
    return (int) Math.max(1, Math.min(files.size(), wanted));
  }

  /** Greedy largest-first bin packing: each file goes to the group with the fewest bytes so far. */
  static List<List<EventFile>> balance(List<EventFile> files, int groups) {
    List<List<EventFile>> result = new ArrayList<>();
    if (files.isEmpty()) {
      return result;
    }
    long[] sizes = new long[groups];
    for (int i = 0; i < groups; i++) {
      result.add(new ArrayList<>());
    }
    PriorityQueue<Integer> lightest =
        new PriorityQueue<>(Comparator.<Integer>comparingLong(i -> sizes[i]).thenComparing(i -> i));
    for (int i = 0; i < groups; i++) {
      lightest.add(i);
    }
    List<EventFile> bySizeDesc = new ArrayList<>(files);
    bySizeDesc.sort(
        Comparator.comparingLong(EventFile::length).reversed().thenComparing(EventFile::path));
    for (EventFile file : bySizeDesc) {
      int g = lightest.poll();
      result.get(g).add(file);
      sizes[g] += file.length();
      lightest.add(g);
    }
    result.removeIf(List::isEmpty);
    return result;
  }

  /** Runs on executors: turns one group of files into rows, one chunk of a file at a time. */
  private static final class ReadGroup implements FlatMapFunction<List<EventFile>, InternalRow> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<SerializableConfiguration> conf;
    private final ReadFilter filter;
    private final ReadCountsAccumulator counts;

    ReadGroup(
        Broadcast<SerializableConfiguration> conf,
        ReadFilter filter,
        ReadCountsAccumulator counts) {
      this.conf = conf;
      this.filter = filter;
      this.counts = counts;
    }

    @Override
    public Iterator<InternalRow> call(List<EventFile> group) {
      return new GroupIterator(group, conf.value().value(), filter, counts);
    }
  }

  /** An I/O error of the storage under a file, as opposed to damage in the file's bytes. */
  static final class StorageException extends IOException {
    private static final long serialVersionUID = 1L;

    StorageException(IOException cause) {
      super(cause);
    }
  }

  /** Marks every error of the underlying storage stream, so decompression errors stay apart. */
  static final class StorageStream extends FilterInputStream {
    StorageStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw new StorageException(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        throw new StorageException(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return in.skip(n);
      } catch (IOException e) {
        throw new StorageException(e);
      }
    }
  }

  private static final class GroupIterator implements Iterator<InternalRow> {
    private final Iterator<EventFile> files;
    private final Configuration conf;
    private final EventFileReader reader;
    private final ReadCountsAccumulator accumulator;
    private final ArrayDeque<InternalRow> pending = new ArrayDeque<>();
    private final EventFileReader.EventSink sink =
        (type, ts, destination, machineOpen) ->
            pending.add(SparkInternals.row(eventType(type), ts, array(destination), machineOpen));

    /** The few event types, encoded once per task instead of once per event. */
    private final java.util.Map<String, UTF8String> eventTypes = new java.util.HashMap<>();

    private EventFileReader.OpenFile current;
    private EventFile currentFile;
    private ReadCounts currentCounts;

    GroupIterator(
        List<EventFile> group,
        Configuration conf,
        ReadFilter filter,
        ReadCountsAccumulator accumulator) {
      this.files = group.iterator();
      this.conf = conf;
      this.reader = new EventFileReader(filter);
      this.accumulator = accumulator;
    }

    @Override
    public boolean hasNext() {
      while (pending.isEmpty()) {
        if (current == null && !openNext()) {
          return false;
        }
        try {
          if (!current.step(sink)) {
            finishCurrent(false);
          }
        } catch (IOException | RuntimeException e) {
          if (fromStorage(e)) {
            storageFailure(e);
            finishCurrent(false);
            continue;
          }
          // A damaged file: keep what it yielded, count it, move on. The path is logged (it names a
          // storage object, not a person); the message may quote content, so only its type is.
          LOG.warn(
              "Cannot read all of {}: {} (counted as unreadable; the events before the damage were kept)",
              currentFile.path(),
              e.getClass().getSimpleName());
          finishCurrent(true);
        }
      }
      return true;
    }

    private UTF8String eventType(String type) {
      return eventTypes.computeIfAbsent(type, SparkInternals::string);
    }

    private static ArrayData array(String[] destination) {
      if (destination == null) {
        return null;
      }
      Object[] elements = new Object[destination.length];
      for (int i = 0; i < destination.length; i++) {
        elements[i] = destination[i] == null ? null : SparkInternals.string(destination[i]);
      }
      return SparkInternals.stringArray(elements);
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.poll();
    }

    private boolean openNext() {
      while (files.hasNext()) {
        currentFile = files.next();
        currentCounts = new ReadCounts();
        currentCounts.files = 1;
        currentCounts.bytes = currentFile.length();
        InputStream raw;
        try {
          Path path = new Path(currentFile.path());
          raw = new StorageStream(open(path));
        } catch (IOException | RuntimeException e) {
          storageFailure(e);
          accumulator.add(currentCounts);
          continue;
        }
        try {
          current = reader.open(raw, currentCounts);
          return true;
        } catch (IOException | RuntimeException e) {
          try {
            raw.close();
          } catch (IOException ignored) {
            // nothing was read from it
          }
          if (fromStorage(e)) {
            storageFailure(e);
          } else {
            LOG.warn(
                "Cannot open {}: {} (counted as unreadable)",
                currentFile.path(),
                e.getClass().getSimpleName());
            currentCounts.unreadableFiles = 1;
          }
          accumulator.add(currentCounts);
        }
      }
      return false;
    }

    /**
     * Local files are opened directly: Hadoop's local filesystem adds a checksum-file lookup and
     * buffering of its own to every open, which shows on tens of thousands of small Firehose
     * objects.
     */
    private InputStream open(Path path) throws IOException {
      if ("file".equals(path.toUri().getScheme())) {
        return java.nio.file.Files.newInputStream(java.nio.file.Paths.get(path.toUri()));
      }
      return path.getFileSystem(conf).open(path);
    }

    /**
     * The storage failed (after its own retries): the run must fail, not lose this file's events.
     */
    private void storageFailure(Throwable e) {
      Throwable cause = e instanceof StorageException && e.getCause() != null ? e.getCause() : e;
      LOG.warn("Cannot read {}: {}", currentFile.path(), cause.getClass().getSimpleName());
      currentCounts.storageFailures = 1;
      currentCounts.firstStorageFailure =
          currentFile.path() + ": " + cause.getClass().getSimpleName();
    }

    private static boolean fromStorage(Throwable e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof StorageException) {
          return true;
        }
      }
      return false;
    }

    private void finishCurrent(boolean damaged) {
      try {
        current.close();
      } catch (IOException e) {
        // Nothing more to read from it; closing failures do not lose data.
      }
      if (damaged) {
        currentCounts.unreadableFiles = 1;
      }
      accumulator.add(currentCounts);
      current = null;
    }
  }
}
