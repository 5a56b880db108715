package io.reengage.job.generate;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes a synthetic set of Pinpoint or SES email events (or both, for a sender who moved) in
 * Firehose's S3 layout (see {@link GeneratorSettings} for what and when, {@link DayPlanner} for the
 * traffic model, {@link ObjectCutter} for the objects, {@link RecordEncoder} and {@link
 * SesRecordEncoder} for the records, {@link MachineOpens}, {@link EdgeCases}).
 *
 * <p>How: days are planned one after another from per-day seeds; each record is filed under the UTC
 * day it reaches Firehose; once every day that can still add to a day has been planned, that day's
 * records are sorted and cut into objects, which a pool of threads encodes, compresses and writes
 * (local folders directly, anything else through Hadoop's {@code FileSystem}, so {@code s3a://}
 * works). Records only ever reach Firehose on or after their send day, so a day is complete as soon
 * as it has itself been planned, and memory holds only the records still to come for later days.
 * The bytes depend on the settings alone, never on the number of threads. Gzip objects are
 * byte-identical given the same zlib; their content always is.
 */
public final class EventGenerator {

  private static final long PROGRESS_SECONDS = 5;

  private final GeneratorSettings settings;
  private int threads = Runtime.getRuntime().availableProcessors();
  private ProgressListener progress = ProgressListener.NONE;
  private boolean replaceExisting;

  public EventGenerator(GeneratorSettings settings) {
    this.settings = settings;
  }

  /** Optional: writer threads, default the number of processors. Does not change the output. */
  public EventGenerator threads(int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("Invalid --threads: " + value + " (must be > 0)");
    }
    this.threads = value;
    return this;
  }

  /** Optional: called every few seconds with running totals. Default none. */
  public EventGenerator progress(ProgressListener listener) {
    this.progress = listener;
    return this;
  }

  /**
   * Optional: delete the output folder first if it holds anything; by default a non-empty folder is
   * an error.
   */
  public EventGenerator replaceExisting() {
    this.replaceExisting = true;
    return this;
  }

  /** Writes into a local folder. */
  public GenerationResult generate(Path localFolder) throws IOException {
    return generate(new LocalObjectStore(localFolder));
  }

  /**
   * Writes under {@code out}: a {@code file:} URI goes to the local disk directly, anything else
   * ({@code s3a://}, {@code s3://}, ...) through Hadoop's {@code FileSystem} with settings {@code
   * conf}.
   */
  public GenerationResult generate(URI out, Configuration conf) throws IOException {
    if (out.getScheme() == null || "file".equalsIgnoreCase(out.getScheme())) {
      return generate(
          new LocalObjectStore(Path.of(out.getScheme() == null ? URI.create("file:" + out) : out)));
    }
    return generate(new HadoopObjectStore(out, conf));
  }

  GenerationResult generate(ObjectStore store) throws IOException {
    long started = System.nanoTime();
    store.prepare(replaceExisting);
    return new Run(store, started).execute();
  }

  /** One run's state: the pending days, the cutter, the writer pool and the counters. */
  private final class Run {
    private final ObjectStore store;
    private final long started;
    private final MachineOpens machineOpens = new MachineOpens(settings);
    private final RecordEncoder encoder = new RecordEncoder(settings.seed(), machineOpens);
    private final SesRecordEncoder sesEncoder =
        new SesRecordEncoder(settings.seed(), encoder, machineOpens);
    private final TreeMap<Long, List<PlannedEvent>> pending = new TreeMap<>();
    private final ExecutorService writers =
        Executors.newFixedThreadPool(threads, daemon("reengage-generate"));
    private final Semaphore inFlight = new Semaphore(2 * threads);
    private final ThreadLocal<ByteSink> buffers =
        ThreadLocal.withInitial(() -> new ByteSink(1 << 20));
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong recordsWritten = new AtomicLong();
    private final Map<EventType, Long> byType = new EnumMap<>(EventType.class);
    private final Map<ObjectFormat, Long> byFormat = new EnumMap<>(ObjectFormat.class);
    private long records;
    private long duplicates;
    private long late;
    private long edge;
    private long sesRecords;
    private long machineOpenEvents;
    private long firstArrival = Long.MAX_VALUE;
    private long lastArrival = Long.MIN_VALUE;

    Run(ObjectStore store, long started) {
      this.store = store;
      this.started = started;
    }

    GenerationResult execute() throws IOException {
      URI machineOpenIps;
      ScheduledExecutorService ticker =
          Executors.newSingleThreadScheduledExecutor(daemon("reengage-progress"));
      ticker.scheduleAtFixedRate(
          () -> progress.progress(recordsWritten.get(), bytes.get(), elapsedMillis()),
          PROGRESS_SECONDS,
          PROGRESS_SECONDS,
          TimeUnit.SECONDS);
      try {
        ObjectCutter cutter = new ObjectCutter(settings, this::submit);
        if (settings.edgeCases()) {
          new EdgeCases(settings).plan().forEach(this::file);
        }
        DayPlanner planner =
            new DayPlanner(
                settings,
                new AddressBook(
                    settings.seed(),
                    settings.addresses(),
                    GeneratorSettings.startOfDayMillis(settings.firstSendDay()),
                    settings.snapshotEndMillis()));
        for (LocalDate day = settings.firstSendDay();
            day.isBefore(settings.endSendDay());
            day = day.plusDays(1)) {
          planner.plan(day, this::file);
          releaseUpTo(day.toEpochDay(), cutter);
          checkFailure();
        }
        releaseUpTo(Long.MAX_VALUE, cutter);
        cutter.finish();
        writers.shutdown();
        awaitWriters();
        checkFailure();
        machineOpenIps = writeMachineOpenIps();
      } finally {
        writers.shutdownNow();
        ticker.shutdownNow();
      }
      return new GenerationResult(
          store.root(),
          files.get(),
          bytes.get(),
          records,
          records - duplicates,
          duplicates,
          late,
          edge,
          byType,
          byFormat,
          records == 0 ? 0 : firstArrival,
          records == 0 ? 0 : lastArrival,
          elapsedMillis(),
          sesRecords,
          machineOpenEvents,
          machineOpenIps);
    }

    /**
     * With machine opens, the proxy list they were drawn from, in Apple's format, inside the output
     * folder under a name that readers skip.
     */
    private URI writeMachineOpenIps() throws IOException {
      if (settings.machineOpenShare() <= 0) {
        return null;
      }
      byte[] text = machineOpens.ranges().text();
      try (OutputStream o = store.create(ProxyIpList.FILE_NAME)) {
        o.write(text);
      }
      String root = store.root().toString();
      return URI.create(root + (root.endsWith("/") ? "" : "/") + ProxyIpList.FILE_NAME);
    }

    private long elapsedMillis() {
      return (System.nanoTime() - started) / 1_000_000;
    }

    private void file(PlannedEvent e) {
      pending
          .computeIfAbsent(Math.floorDiv(e.firehose, DayPlanner.DAY), d -> new ArrayList<>())
          .add(e);
    }

    /**
     * Sorts and cuts every pending day up to {@code lastDay}; no later planning can add to those
     * days.
     */
    private void releaseUpTo(long lastDay, ObjectCutter cutter) {
      while (!pending.isEmpty() && pending.firstKey() <= lastDay) {
        List<PlannedEvent> day = pending.pollFirstEntry().getValue();
        day.sort(PlannedEvent::compareByFirehose);
        for (PlannedEvent e : day) {
          count(e);
          cutter.accept(e);
        }
      }
    }

    private void count(PlannedEvent e) {
      records++;
      if (e.duplicate) {
        duplicates++;
      } else {
        byType.merge(e.type, 1L, Long::sum);
        if (machineOpens.kind(e) != null) {
          machineOpenEvents++;
        }
      }
      if (e.message.ses) {
        sesRecords++;
      }
      if (e.late) {
        late++;
      }
      if (e.edge) {
        edge++;
      }
      firstArrival = Math.min(firstArrival, e.arrival);
      lastArrival = Math.max(lastArrival, e.arrival);
    }

    private void submit(FirehoseObject object) {
      byFormat.merge(object.format(), 1L, Long::sum);
      try {
        inFlight.acquire();
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while generating", ie);
      }
      writers.execute(
          () -> {
            try {
              if (failure.get() == null) {
                write(object);
              }
            } catch (Throwable t) {
              failure.compareAndSet(null, t);
            } finally {
              inFlight.release();
            }
          });
    }

    private void write(FirehoseObject object) throws IOException {
      ByteSink sink = buffers.get();
      sink.reset();
      ObjectFormat format = object.format();
      sink.raw(format.prefix());
      byte[] separator = format.separator();
      for (PlannedEvent e : object.records()) {
        if (e.message.ses) {
          sesEncoder.encode(e, sink);
        } else {
          encoder.encode(e, sink);
        }
        sink.raw(separator);
      }
      long written;
      try (OutputStream raw = store.create(object.path())) {
        CountingStream counted = new CountingStream(raw);
        if (format.gzip()) {
          GZIPOutputStream gz = new GZIPOutputStream(counted, 1 << 16);
          gz.write(sink.array(), 0, sink.length());
          gz.finish();
        } else {
          counted.write(sink.array(), 0, sink.length());
        }
        counted.flush();
        written = counted.count;
      }
      files.incrementAndGet();
      bytes.addAndGet(written);
      recordsWritten.addAndGet(object.records().size());
      // Keep one large buffer per thread from pinning memory after an unusually big object.
      if (sink.array().length > (16 << 20)) {
        buffers.remove();
      }
    }

    private void awaitWriters() throws IOException {
      try {
        while (!writers.awaitTermination(1, TimeUnit.SECONDS)) {
          checkFailure();
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while writing to " + store.root(), ie);
      }
    }

    private void checkFailure() throws IOException {
      Throwable t = failure.get();
      if (t == null) {
        return;
      }
      if (t instanceof IOException io) {
        throw new IOException("Cannot write to " + store.root() + ": " + describe(io), io);
      }
      if (t instanceof UncheckedIOException io) {
        throw new IOException(
            "Cannot write to " + store.root() + ": " + describe(io.getCause()), io);
      }
      throw new IllegalStateException(
          "Generation failed while writing to " + store.root() + ": " + t, t);
    }
  }

  /** Some I/O exceptions carry only a path as their message; the type says what went wrong. */
  private static String describe(IOException e) {
    return e.getClass().getSimpleName()
        + " "
        + e.getMessage()
        + " (check the path, permissions and space)";
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Counts bytes on their way to the file system. */
  private static final class CountingStream extends FilterOutputStream {
    private long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
