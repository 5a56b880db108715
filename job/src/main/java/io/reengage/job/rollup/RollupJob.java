package io.reengage.job.rollup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;

import io.reengage.job.common.ReengageException;
import io.reengage.job.machineopen.MachineOpenClassification;
import io.reengage.job.read.EventColumns;
import io.reengage.job.read.ReadCounts;
import io.reengage.job.read.ReadFilter;
import io.reengage.job.read.SparkEventReader;
import io.reengage.job.rules.EngagementTypes;
import io.reengage.job.rules.RuleParameters;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Condenses settled UTC days of raw events into per-day, per-address aggregates (see {@link
 * RollupRules}), a chunk of days per Spark pass so that years never sit in memory at once.
 *
 * <p>A day's events can land in Firehose folders up to {@code lateArrivalHours} after the day ends,
 * so each chunk reads those folders too, and a day is only rolled up once that time has passed
 * (settled). Each chunk is staged, checked against the bad-record limit, then published day by day.
 */
public final class RollupJob {

  private static final Logger LOG = LoggerFactory.getLogger(RollupJob.class);

  /** What a run did. */
  public record Result(
      int days, int chunks, ReadCounts read, long rows, int compactedMonths, long millis) {}

  /** The size a compacted month's files aim at. */
  private static final long COMPACT_FILE_BYTES = 256L << 20;

  private final SparkSession spark;
  private final RollupSettings settings;
  private final Clock clock;
  private final MachineOpenClassification machineOpens;

  public RollupJob(SparkSession spark, RollupSettings settings, Clock clock) {
    this.spark = spark;
    this.settings = settings;
    this.clock = clock;
    // Read once, before any day is listed: a bad IP list fails the run before any event is read.
    this.machineOpens =
        MachineOpenClassification.load(
            settings.machineOpens(), spark.sparkContext().hadoopConfiguration());
  }

  public Result run() {
    checkSettled();
    RollupStore store = openStore();
    EngagementTypes types = typesOnly();
    long start = System.nanoTime();
    List<RollupPlan.DayRange> chunks = chunks(daysToDo(store));
    long totalDays =
        chunks.stream().mapToLong(c -> c.last().toEpochDay() - c.first().toEpochDay() + 1).sum();
    if (totalDays == 0) {
      LOG.info(
          "rollup: every day from {} to {} is rolled up already", settings.from(), settings.to());
    }
    long daysDone = 0;
    long rows = 0;
    ReadCounts total = new ReadCounts();
    for (RollupPlan.DayRange chunk : chunks) {
      spark.sparkContext().setJobDescription("reengage rollup " + chunk);
      ChunkResult result = rollUpChunk(store, types, chunk.first(), chunk.last());
      total.add(result.read);
      rows += result.rows;
      daysDone += chunk.last().toEpochDay() - chunk.first().toEpochDay() + 1;
      logProgress(daysDone, totalDays, start, total);
    }
    int compacted = compactMonths(store);
    return new Result(
        (int) totalDays,
        chunks.size(),
        total,
        rows,
        compacted,
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Compacts each month of the range whose compacted copy is missing or out of date, so that a
   * daily run opens a few files per month instead of one per day (see {@link MonthMarker}). Returns
   * the number of months written.
   */
  private int compactMonths(RollupStore store) {
    YearMonth first = YearMonth.from(settings.from());
    YearMonth last = YearMonth.from(settings.to());
    // Every marker of the months is read once (on S3 each is a request), then grouped by month.
    Map<YearMonth, List<DayMarker>> daysByMonth = new java.util.TreeMap<>();
    Map<YearMonth, MonthMarker> compacted;
    try {
      for (DayMarker day : store.completeDays(first.atDay(1), last.atEndOfMonth()).values()) {
        if (day.usableFor(settings.engagementTypes(), machineOpens.id())) {
          daysByMonth.computeIfAbsent(YearMonth.from(day.date()), m -> new ArrayList<>()).add(day);
        }
      }
      compacted = store.compactedMonths(first, last);
    } catch (IOException e) {
      throw new ReengageException(
          "Cannot read the markers in --rollups "
              + settings.rollupsUri()
              + " to compact months: "
              + e.getMessage(),
          e);
    }
    int written = 0;
    for (Map.Entry<YearMonth, List<DayMarker>> entry : daysByMonth.entrySet()) {
      YearMonth month = entry.getKey();
      List<DayMarker> days = entry.getValue();
      try {
        MonthMarker existing = compacted.get(month);
        if (existing != null
            && existing.formatVersion() == MonthMarker.FORMAT_VERSION
            && existing.days().equals(days)) {
          continue;
        }
        spark.sparkContext().setJobDescription("reengage rollup: compact " + month);
        compactMonth(store, month, days);
        written++;
      } catch (IOException e) {
        throw new ReengageException(
            "Cannot compact "
                + month
                + " in --rollups "
                + settings.rollupsUri()
                + ": "
                + e.getMessage()
                + " (the days are rolled up; rerun to compact, or leave it: daily runs then read the days' own files)",
            e);
      }
    }
    if (written > 0) {
      LOG.info("rollup: compacted {} months", written);
    }
    return written;
  }

  private void compactMonth(RollupStore store, YearMonth month, List<DayMarker> days)
      throws IOException {
    List<String> files = new ArrayList<>();
    long bytes = 0;
    long rows = 0;
    for (DayMarker day : days) {
      files.addAll(store.files(day));
      bytes += day.bytes();
      rows += day.rows();
    }
    Path staging = store.newStaging();
    try {
      Path staged = new Path(staging, "month=" + month);
      List<String> aggregateFiles = List.of();
      long aggregateRows = 0;
      long aggregateBytes = 0;
      if (!files.isEmpty()) {
        // Files of about COMPACT_FILE_BYTES each: one for most months.
        int parts = (int) Math.max(1, Math.min(1000, bytes / COMPACT_FILE_BYTES + 1));
        Dataset<Row> daily =
            spark
                .read()
                .schema(RollupRules.DAILY_SCHEMA)
                .option("basePath", store.root().toString())
                .parquet(files.toArray(new String[0]));
        daily.coalesce(parts).write().mode(SaveMode.Overwrite).parquet(staged.toString());
        if (days.size() == month.lengthOfMonth()) {
          // Every day of the month is here: one row per address for the whole month.
          Path aggregate = new Path(staged, MonthMarker.AGGREGATE_FOLDER);
          RollupRules.monthAggregates(daily)
              .coalesce(parts)
              .write()
              .mode(SaveMode.Overwrite)
              .parquet(aggregate.toString());
          RollupStore.WrittenFiles written = store.parquetFiles(aggregate);
          aggregateFiles = written.names();
          aggregateBytes = written.bytes();
          aggregateRows = spark.read().parquet(aggregate.toString()).count();
        }
      } else {
        org.apache.hadoop.fs.FileSystem fs =
            staged.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.mkdirs(staged);
      }
      RollupStore.WrittenFiles written = store.parquetFiles(staged);
      store.publishMonth(
          staged,
          new MonthMarker(
              MonthMarker.FORMAT_VERSION,
              month.toString(),
              days,
              written.names(),
              rows,
              written.bytes(),
              aggregateFiles,
              aggregateRows,
              aggregateBytes));
    } finally {
      store.abandon(staging);
    }
  }

  /**
   * The days of the range, without the complete ones when asked to skip them, as contiguous ranges.
   */
  private List<RollupPlan.DayRange> daysToDo(RollupStore store) {
    Map<LocalDate, DayMarker> complete = Map.of();
    if (settings.skipComplete()) {
      try {
        complete = store.completeDays(settings.from(), settings.to());
      } catch (IOException e) {
        throw new ReengageException(
            "Cannot read --rollups " + settings.rollupsUri() + ": " + e.getMessage(), e);
      }
    }
    List<RollupPlan.DayRange> ranges = new ArrayList<>();
    LocalDate open = null;
    for (LocalDate d = settings.from(); !d.isAfter(settings.to()); d = d.plusDays(1)) {
      DayMarker m = complete.get(d);
      boolean done = m != null && m.usableFor(settings.engagementTypes(), machineOpens.id());
      if (!done && open == null) {
        open = d;
      } else if (done && open != null) {
        ranges.add(new RollupPlan.DayRange(open, d.minusDays(1)));
        open = null;
      }
    }
    if (open != null) {
      ranges.add(new RollupPlan.DayRange(open, settings.to()));
    }
    return ranges;
  }

  /** Splits ranges into chunks of at most {@code chunkDays} days. */
  private List<RollupPlan.DayRange> chunks(List<RollupPlan.DayRange> ranges) {
    List<RollupPlan.DayRange> chunks = new ArrayList<>();
    for (RollupPlan.DayRange r : ranges) {
      for (LocalDate s = r.first(); !s.isAfter(r.last()); s = s.plusDays(settings.chunkDays())) {
        chunks.add(new RollupPlan.DayRange(s, min(s.plusDays(settings.chunkDays() - 1), r.last())));
      }
    }
    return chunks;
  }

  private record ChunkResult(ReadCounts read, long rows) {}

  private ChunkResult rollUpChunk(
      RollupStore store, EngagementTypes types, LocalDate first, LocalDate last) {
    long fromMs = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long untilMs = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    List<List<io.reengage.job.read.EventFile>> files = list(fromMs, untilMs);
    SparkEventReader.RootsRead read =
        SparkEventReader.readRoots(
            spark,
            files,
            new ReadFilter(types.counted(), fromMs, untilMs, machineOpens.classifier()));
    Dataset<Row> events =
        RollupRules.countedEvents(read.events(), types).persist(StorageLevel.MEMORY_AND_DISK());
    Path staging = null;
    try {
      Map<LocalDate, DayMarker.EventCounts> eventCounts = eventCountsByDay(events);
      for (int i = 0; i < files.size(); i++) {
        read.perRoot().get(i).value().checkStorage(settings.eventsUris().get(i));
      }
      ReadCounts counts = read.total();
      checkBadRecords(counts, first, last);
      staging = store.newStaging();
      Dataset<Row> daily = RollupRules.dailyAggregates(events);
      // One task per day: one Parquet file per day, whatever the shuffle partitioning was.
      daily
          .repartition(col(RollupRules.DAY))
          .write()
          .mode(SaveMode.Overwrite)
          .partitionBy(RollupRules.DAY)
          .parquet(staging.toString());
      Map<LocalDate, Long> rowsByDay = rowsByDay(staging);
      List<DayMarker> markers = new ArrayList<>();
      long rows = 0;
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        long dayRows = rowsByDay.getOrDefault(d, 0L);
        rows += dayRows;
        markers.add(
            DayMarker.of(
                d,
                types.sorted(),
                settings.lateArrivalHours(),
                dayRows,
                machineOpens.id(),
                eventCounts.getOrDefault(d, DayMarker.EventCounts.NONE)));
      }
      store.publish(staging, markers);
      staging = null;
      return new ChunkResult(counts, rows);
    } catch (IOException e) {
      throw new ReengageException(
          "Cannot write rollups to "
              + settings.rollupsUri()
              + ": "
              + e.getMessage()
              + " (check the location and its permissions)",
          e);
    } finally {
      events.unpersist();
      if (staging != null) {
        store.abandon(staging);
      }
    }
  }

  /** Per day: delivered events in the first second, delivered after it, engagement likewise. */
  private static Map<LocalDate, DayMarker.EventCounts> eventCountsByDay(Dataset<Row> events) {
    String ts = EventColumns.ARRIVAL_TIMESTAMP;
    List<Row> rows =
        events
            .groupBy(
                expr("date_from_unix_date(cast(" + RollupRules.epochDayExpression(ts) + " as int))")
                    .as("d"),
                expr("pmod(" + ts + ", 86400000) < 1000").as("first"),
                expr(EventColumns.EVENT_TYPE + " = '" + RuleParameters.DELIVERED + "'")
                    .as("delivered"),
                col(EventColumns.MACHINE_OPEN))
            .agg(count("*"))
            .collectAsList();
    // Per day: delivered, engagement and machine-open events, each split at the first second.
    Map<LocalDate, DayMarker.EventCounts> byDay = new HashMap<>();
    for (Row r : rows) {
      byDay.merge(
          r.getDate(0).toLocalDate(),
          DayMarker.EventCounts.of(r.getBoolean(2), r.getBoolean(1), r.getBoolean(3), r.getLong(4)),
          DayMarker.EventCounts::plus);
    }
    return byDay;
  }

  private Map<LocalDate, Long> rowsByDay(Path staging) throws IOException {
    Map<LocalDate, Long> rows = new HashMap<>();
    org.apache.hadoop.fs.FileSystem fs =
        staging.getFileSystem(spark.sparkContext().hadoopConfiguration());
    boolean anyDay = false;
    for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(staging)) {
      anyDay |= s.isDirectory() && s.getPath().getName().startsWith("day=");
    }
    if (!anyDay) {
      return rows; // a chunk without events: nothing was written
    }
    for (Row r :
        spark.read().parquet(staging.toString()).groupBy(RollupRules.DAY).count().collectAsList()) {
      rows.put(r.getDate(0).toLocalDate(), r.getLong(1));
    }
    return rows;
  }

  /** The files of each root, in the order of --events, each root with its own layout. */
  private List<List<io.reengage.job.read.EventFile>> list(long fromMs, long untilMs) {
    List<List<io.reengage.job.read.EventFile>> roots = new ArrayList<>();
    for (String root : settings.eventsUris()) {
      roots.add(
          io.reengage.job.read.EventInputs.list(
                  spark.sparkContext().hadoopConfiguration(),
                  root,
                  settings.layout(),
                  settings.lateArrivalHours(),
                  List.of(
                      new io.reengage.job.read.EventInputs.Range(
                          Instant.ofEpochMilli(fromMs), Instant.ofEpochMilli(untilMs))))
              .files());
    }
    return roots;
  }

  private RollupStore openStore() {
    try {
      return new RollupStore(settings.rollupsUri(), spark.sparkContext().hadoopConfiguration());
    } catch (IOException | RuntimeException e) {
      throw new ReengageException(
          "Cannot open --rollups " + settings.rollupsUri() + ": " + e.getMessage(), e);
    }
  }

  private void checkSettled() {
    if (settings.allowUnsettled()) {
      return;
    }
    Instant settledAt =
        settings
            .to()
            .plusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .plusSeconds(3600L * settings.lateArrivalHours());
    if (settings
        .to()
        .isAfter(RollupSettings.lastSettledDay(clock.instant(), settings.lateArrivalHours()))) {
      throw new ReengageException(
          "Cannot roll up "
              + settings.to()
              + " yet: its events may arrive in Firehose folders until "
              + settledAt
              + " (--late-arrival-hours "
              + settings.lateArrivalHours()
              + "); use an earlier --to, or --allow-unsettled if the feed is complete");
    }
  }

  private void checkBadRecords(ReadCounts counts, LocalDate first, LocalDate last) {
    if (counts.badFraction() > settings.maxBadFraction()) {
      throw new ReengageException(
          String.format(
              "Too many bad records for %s..%s in --events %s: %d of %d are not valid Pinpoint or SES events, above"
                  + " --max-bad-fraction %s (fix the input, or raise --max-bad-fraction); days before %s are rolled up",
              first,
              last,
              String.join(", ", settings.eventsUris()),
              counts.badRecords,
              counts.records,
              settings.maxBadFraction(),
              first));
    }
  }

  /** Only the event types matter for daily aggregates; windows apply when days are combined. */
  private EngagementTypes typesOnly() {
    return new EngagementTypes(settings.engagementTypes());
  }

  private static void logProgress(long done, long total, long startNanos, ReadCounts read) {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    double rate = done / seconds;
    long left = (long) ((total - done) / Math.max(rate, 1e-9));
    if (total == 0) {
      return;
    }
    LOG.info(
        "rollup: {}/{} days ({}%), {} MB read, {} events, {} days/min, about {} left",
        done,
        total,
        (100 * done) / total,
        read.bytes >> 20,
        read.events,
        String.format("%.1f", rate * 60),
        left >= 3600
            ? (left / 3600) + " h " + (left % 3600 / 60) + " min"
            : (left / 60) + " min " + (left % 60) + " s");
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
