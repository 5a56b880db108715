package io.reengage.job.segment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.reengage.contract.ImportRowComparison;
import io.reengage.contract.summary.RunSummary;
import io.reengage.contract.summary.SummaryJson;
import io.reengage.job.common.Filesystems;
import io.reengage.job.common.ObservedMetrics;
import io.reengage.job.common.ReengageException;
import io.reengage.job.read.EventColumns;
import io.reengage.job.read.EventFile;
import io.reengage.job.read.EventInputs;
import io.reengage.job.read.ReadCounts;
import io.reengage.job.read.ReadFilter;
import io.reengage.job.read.ScanStageTimer;
import io.reengage.job.read.SparkEventReader;
import io.reengage.job.rollup.DayMarker;
import io.reengage.job.rollup.MonthMarker;
import io.reengage.job.rollup.RollupPlan;
import io.reengage.job.rollup.RollupRules;
import io.reengage.job.rollup.RollupSources;
import io.reengage.job.rollup.RollupStore;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.rules.UnengagedRules;
import io.reengage.job.write.ImportCsvWriter;
import io.reengage.job.write.OutputPublisher;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O shell around the rules: list, read, apply the rules, write, publish.
 *
 * <p>Two ways to the per-address attributes of rule 5: a full scan of the raw events of the
 * windows, or rollups for the whole days they cover plus raw events for the rest ({@link
 * RollupPlan}). Both end in the same rule 6 and writer. Reading and the rules run as one Spark job
 * whose counts are observed on the way; the bad-record limit and storage failures are checked right
 * after it, before anything is written, so a run over a broken feed publishes nothing.
 */
public final class SegmentJob {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentJob.class);

  /** Part files roll over at this size: a tenth of Pinpoint's 1 GB per-import limit. */
  static final long MAX_PART_BYTES = 100L << 20;

  private final SparkSession spark;
  private final SegmentSettings settings;
  private final RuleParameters rules;

  /** Names of the counts observed during the job. */
  private static final String WINDOWED = "windowed-events";

  private static final String DROPPED = "unusable-elements";
  private static final String ADDRESSES = "addresses";

  public SegmentJob(SparkSession spark, SegmentSettings settings) {
    this.spark = spark;
    this.settings = settings;
    this.rules = settings.rules();
  }

  /**
   * What the listing and the lazy plan of the rules found: the unengaged rows, the read whose
   * counts fill in when the job's action runs, the parsed events for the cross-check (null without
   * it) and the parts of the summary known before that action.
   */
  private record Planned(
      Dataset<Row> unengaged,
      SparkEventReader.EventRead read,
      Dataset<Row> crossCheckInput,
      Listing listing,
      long rollupDeliveredEvents,
      long rollupEngagementEvents,
      RunSummary.Rollups rollups) {}

  /** What listing the event inputs found; empty when no raw day had to be listed. */
  private record Listing(String layout, int foldersListed) {}

  /** The CSV parts written to the staging folder. */
  private record Written(long files, long bytes, String importUri, long writeMs) {}

  /** Runs the segment job once: reads, applies the rules, writes and publishes. */
  public RunSummary run() {
    long jobStart = System.nanoTime();
    spark.sparkContext().setJobDescription("reengage segment as-of " + rules.asOf());

    OutputPublisher publisher = prepareOutput();
    boolean published = false;
    try (ObservedMetrics observed = new ObservedMetrics(spark);
        ScanStageTimer scan = ScanStageTimer.start(spark.sparkContext())) {
      long t = System.nanoTime();
      Planned planned = settings.rollupsUri() == null ? fullScan(observed) : withRollups(observed);
      long listMs = millisSince(t);

      // One Spark job reads, applies the rules and keeps the result (a row per unengaged address)
      // for the writer; the summary's counts are observed on the way instead of costing a cache and
      // a job each.
      t = System.nanoTime();
      Dataset<Row> unengaged = planned.unengaged().persist(StorageLevel.MEMORY_AND_DISK());
      try {
        long unengagedCount = unengaged.count();
        long aggregateMs = millisSince(t);
        long scanMs = scan.millis();
        ReadCounts read = planned.read().counts().value();
        LOG.info("Read {}", describe(read, scanMs));
        checkBadRecords(read);
        long addresses = observed.getLong(ADDRESSES, 0);
        long dropped = observed.getLong(DROPPED, 0);
        Long crossCheckMs = null;
        if (settings.crossCheck()) {
          t = System.nanoTime();
          crossCheck(planned.crossCheckInput(), unengaged, unengagedCount, publisher);
          crossCheckMs = millisSince(t);
        }
        LOG.info(
            "{} addresses, {} unengaged, {} unusable destination elements dropped",
            addresses,
            unengagedCount,
            dropped);

        Written written = writeImport(unengaged, unengagedCount, publisher);
        RunSummary summary =
            RunSummary.builder()
                .asOf(rules.asOf().toString())
                .until(Instant.ofEpochMilli(rules.untilMillis()).toString())
                .untilEpochMillis(rules.untilMillis())
                .windows(
                    new RunSummary.Windows(
                        rules.deliveredWindowMonths(),
                        rules.engagementWindowMonths(),
                        startOf(rules.deliveredStartDate()),
                        startOf(rules.engagementStartDate())))
                .thresholds(
                    new RunSummary.Thresholds(
                        rules.minDelivered(),
                        rules.engagementTypes().stream().sorted().toList(),
                        settings.maxBadFraction()))
                .inputs(
                    new RunSummary.Inputs(
                        settings.eventsUri(),
                        planned.listing().layout(),
                        planned.listing().foldersListed(),
                        read.files,
                        read.bytes,
                        read.unreadableFiles))
                .records(read.records)
                .badRecords(read.badRecords)
                .ignoredRecords(read.ignoredRecords)
                .deliveredEvents(observed.getLong(WINDOWED, 0) + planned.rollupDeliveredEvents())
                .engagementEvents(observed.getLong(WINDOWED, 1) + planned.rollupEngagementEvents())
                .addresses(addresses)
                .unengaged(unengagedCount)
                .droppedAddresses(dropped)
                .outputFiles(written.files())
                .outputBytes(written.bytes())
                .importUri(written.importUri())
                .crossCheck(new RunSummary.CrossCheck(settings.crossCheck(), 0))
                .rollups(planned.rollups())
                .timings(
                    new RunSummary.Timings(
                        listMs,
                        aggregateMs,
                        scanMs,
                        crossCheckMs,
                        written.writeMs(),
                        millisSince(jobStart)))
                .build();

        t = System.nanoTime();
        publisher.publish(SummaryJson.write(summary));
        published = true;
        LOG.info(
            "Published {} rows in {} files to {} in {} ms",
            summary.unengaged(),
            summary.outputFiles(),
            publisher.out(),
            millisSince(t));
        return summary;
      } finally {
        unengaged.unpersist();
      }
    } catch (IOException e) {
      throw new ReengageException(
          "Cannot write the output to "
              + settings.outUri()
              + ": "
              + e.getMessage()
              + " (check the location and its permissions)",
          e);
    } finally {
      if (!published) {
        publisher.abandon();
      }
    }
  }

  private static String startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
  }

  /** Writes the CSV parts into the staging folder. */
  private Written writeImport(Dataset<Row> unengaged, long rows, OutputPublisher publisher) {
    long t = System.nanoTime();
    List<ImportCsvWriter.WrittenFile> files;
    try {
      files =
          new ImportCsvWriter(MAX_PART_BYTES)
              .write(unengaged, rows, publisher.stagingImport().toString());
    } catch (Exception e) { // a failed task comes back as SparkException, undeclared in Java
      throw new ReengageException(
          "Cannot write the import CSV to --out "
              + settings.outUri()
              + ": "
              + rootCause(e)
              + " (check that the location is reachable and writable, then rerun; nothing was"
              + " published)",
          e);
    }
    long bytes = files.stream().mapToLong(ImportCsvWriter.WrittenFile::bytes).sum();
    if (bytes > 1_000_000_000L) {
      LOG.warn(
          "The import folder holds {} bytes, more than Pinpoint's default 1 GB import limit",
          bytes);
    }
    return new Written(
        files.size(), bytes, publisher.importFolder().toString() + "/", millisSince(t));
  }

  /** Every raw event of the windows, through the rules in the query's order. */
  private Planned fullScan(ObservedMetrics observed) {
    Instant first = Instant.ofEpochMilli(rules.earliestRelevantMillis());
    EventInputs.Found found =
        listInputs(
            List.of(new EventInputs.Range(first, Instant.ofEpochMilli(rules.untilMillis()))));
    SparkEventReader.EventRead read = readEvents(found.files());
    Dataset<Row> events = cachedForCrossCheck(read.events());
    Dataset<Row> unengaged = UnengagedRules.unengaged(events, rules, new Counts(observed));
    return new Planned(unengaged, read, crossCheckInput(events), listing(found), 0, 0, null);
  }

  /** Whole days from rollups, the rest of the windows from raw events; see {@link RollupPlan}. */
  private Planned withRollups(ObservedMetrics observed) {
    RollupStore store;
    RollupPlan plan;
    LocalDate firstDay = min(rules.deliveredStartDate(), rules.engagementStartDate());
    try {
      store = new RollupStore(settings.rollupsUri(), spark.sparkContext().hadoopConfiguration());
      plan = RollupPlan.of(rules, store.completeDays(firstDay, rules.asOf().plusDays(1)));
    } catch (IOException | RuntimeException e) {
      throw cannotReadRollups(e);
    }
    LOG.info(
        "Rollups answer for {} days; reading raw events for {}",
        plan.rollupDays().size(),
        plan.rawRanges().isEmpty() ? "no day" : plan.rawRanges());
    List<EventInputs.Range> ranges = new ArrayList<>();
    for (RollupPlan.DayRange r : plan.rawRanges()) {
      Instant from = r.first().atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant to = r.last().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant until = Instant.ofEpochMilli(rules.untilMillis());
      ranges.add(new EventInputs.Range(from.minusSeconds(1), to.isAfter(until) ? until : to));
    }
    EventInputs.Found found = ranges.isEmpty() ? null : listInputs(ranges);

    SparkEventReader.EventRead read = readEvents(found == null ? List.of() : found.files());
    Dataset<Row> events = cachedForCrossCheck(read.events());
    Dataset<Row> rawDays =
        events.where(
            expr(RollupRules.epochDayExpression(EventColumns.ARRIVAL_TIMESTAMP))
                .isin(plan.rawEpochDays().toArray()));
    Counts counts = new Counts(observed);
    Dataset<Row> windowed = counts.windowed(UnengagedRules.inWindows(rawDays, rules));
    RolledUp rolledUp = plan.rollupDays().isEmpty() ? null : readRollups(store, plan);
    Dataset<Row> combined =
        RollupRules.perAddressWithRollups(
            windowed, rolledUp == null ? null : rolledUp.rows(), rules);
    combined =
        observed.observe(
            combined,
            DROPPED,
            sum(
                when(
                    UnengagedRules.unusableAddress(),
                    col(UnengagedRules.NUM_DELIVERED).plus(col(RollupRules.ENGAGEMENT_COUNT)))));
    Dataset<Row> perAddress =
        UnengagedRules.usableAddresses(combined)
            .select(
                col(UnengagedRules.ADDRESS),
                col(UnengagedRules.MAX_DELIVERED),
                col(UnengagedRules.MIN_DELIVERED),
                col(UnengagedRules.LAST_ENGAGEMENT),
                col(UnengagedRules.NUM_DELIVERED));
    return new Planned(
        UnengagedRules.selectUnengaged(counts.perAddress(perAddress), rules),
        read,
        crossCheckInput(events),
        found == null ? new Listing(null, 0) : listing(found),
        plan.rollupDeliveredEvents(),
        plan.rollupEngagementEvents(),
        describe(plan, rolledUp));
  }

  private ReengageException cannotReadRollups(Exception e) {
    return new ReengageException(
        "Cannot read --rollups "
            + settings.rollupsUri()
            + ": "
            + e.getMessage()
            + " (check the location and credentials)",
        e);
  }

  /**
   * Runs the SQL port on the same events and compares; on a difference, writes the differing rows
   * to OUT/cross-check-report.csv (never to the log) and fails the run without publishing.
   */
  private void crossCheck(
      Dataset<Row> crossCheckInput,
      Dataset<Row> unengaged,
      long unengagedCount,
      OutputPublisher publisher)
      throws IOException {
    io.reengage.job.compare.ImportComparison.Outcome outcome =
        io.reengage.job.crosscheck.SqlPortCrossCheck.compare(
            spark, crossCheckInput, unengaged, rules);
    crossCheckInput.unpersist();
    if (!outcome.result().equal()) {
      String report = new Path(publisher.out(), "cross-check-report.csv").toString();
      io.reengage.job.compare.DifferenceReport.write(
          outcome.differences(), report, spark.sparkContext().hadoopConfiguration());
      ImportRowComparison.Result r = outcome.result();
      throw new io.reengage.job.crosscheck.CrossCheckMismatchException(
          String.format(
              "Cross-check failed: the Dataset rules and the SQL port of the Athena query differ in %d rows"
                  + " (%d only in the rules' result, %d only in the port's, %d with other attributes);"
                  + " nothing was published; the rows are in %s (report it as a bug with that file)",
              r.mismatched(), r.missing(), r.extra(), r.differing(), report));
    }
    LOG.info(
        "Cross-check: the SQL port of the Athena query returns the same {} rows", unengagedCount);
  }

  /**
   * The daily rows of the rolled-up days: from compacted months where they still match the days'
   * markers, otherwise exactly the files the day markers name; no listing either way.
   */
  private RolledUp readRollups(RollupStore store, RollupPlan plan) {
    List<DayMarker> days = plan.rollupMarkers();
    Map<YearMonth, MonthMarker> months;
    try {
      months =
          store.compactedMonths(
              YearMonth.from(days.get(0).date()), YearMonth.from(days.get(days.size() - 1).date()));
    } catch (IOException e) {
      throw cannotReadRollups(e);
    }
    RollupSources sources = RollupSources.choose(days, months);

    List<String> dailyFiles = new ArrayList<>();
    long bytes = 0;
    for (DayMarker m : sources.dailyDays()) {
      dailyFiles.addAll(store.files(m));
      bytes += m.bytes();
    }
    List<String> compactedFiles = new ArrayList<>();
    List<Object> compactedDays = new ArrayList<>();
    for (RollupSources.CompactedPart part : sources.compacted().values()) {
      compactedFiles.addAll(store.files(part.month()));
      part.days().forEach(d -> compactedDays.add(java.sql.Date.valueOf(d)));
      bytes += part.month().bytes();
    }
    // Hundreds of paths: above Spark's default threshold of 32, checking them would run as a Spark
    // job of one task per path, which costs far more than doing it here.
    spark
        .conf()
        .set(
            "spark.sql.sources.parallelPartitionDiscovery.threshold",
            Math.max(32, Math.max(dailyFiles.size(), compactedFiles.size()) + 1));
    Dataset<Row> rows = null;
    if (!dailyFiles.isEmpty()) {
      rows =
          spark
              .read()
              .schema(RollupRules.DAILY_SCHEMA)
              .option("basePath", store.root().toString())
              .parquet(dailyFiles.toArray(new String[0]));
    }
    if (!compactedFiles.isEmpty()) {
      // A compacted month may hold days this run does not take from rollups (outside the windows,
      // or changed since): only the chosen days are kept.
      Dataset<Row> compacted =
          spark
              .read()
              .schema(RollupRules.DAILY_SCHEMA)
              .parquet(compactedFiles.toArray(new String[0]))
              .where(col(RollupRules.DAY).isin(compactedDays.toArray()));
      rows = rows == null ? compacted : rows.unionByName(compacted);
    }
    // What this run opens: whole compacted files, even where it keeps only some of their days.
    return new RolledUp(rows, sources.compacted().size(), sources.compactedDays(), bytes);
  }

  /** The daily rows of the rolled-up days, and where they came from. */
  private record RolledUp(Dataset<Row> rows, int compactedMonths, int compactedDays, long bytes) {}

  /** The events of the files, lazily: nothing is read until the job's action. */
  private SparkEventReader.EventRead readEvents(List<EventFile> files) {
    ReadFilter filter =
        new ReadFilter(rules.countedTypes(), rules.earliestRelevantMillis(), rules.untilMillis());
    return SparkEventReader.read(spark, files, filter);
  }

  /**
   * With --cross-check the port gets the parsed events before the rules' window tests, so that it
   * applies the query's own; cached, so that no file is read twice.
   */
  private Dataset<Row> cachedForCrossCheck(Dataset<Row> events) {
    return settings.crossCheck() ? events.persist(StorageLevel.MEMORY_AND_DISK()) : events;
  }

  private Dataset<Row> crossCheckInput(Dataset<Row> events) {
    return settings.crossCheck() ? events : null;
  }

  /**
   * The summary's counts, observed while the rules run: windowed events by type (delivered,
   * engagement), unusable destination elements and addresses.
   */
  private static final class Counts implements UnengagedRules.Observer {
    private final ObservedMetrics observed;

    Counts(ObservedMetrics observed) {
      this.observed = observed;
    }

    @Override
    public Dataset<Row> windowed(Dataset<Row> windowed) {
      Column delivered = col(EventColumns.EVENT_TYPE).equalTo(RuleParameters.DELIVERED);
      return observed.observe(
          windowed, WINDOWED, count(when(delivered, 1)), count(when(not(delivered), 1)));
    }

    /**
     * Unusable elements are counted after the query's DISTINCT, where the full scan and the rollup
     * path see the same rows.
     */
    @Override
    public Dataset<Row> flattened(Dataset<Row> flat) {
      return observed.observe(flat, DROPPED, count(when(UnengagedRules.unusableAddress(), 1)));
    }

    @Override
    public Dataset<Row> perAddress(Dataset<Row> perAddress) {
      return observed.observe(perAddress, ADDRESSES, count(lit(1)));
    }
  }

  private OutputPublisher prepareOutput() {
    try {
      return OutputPublisher.prepare(
          Filesystems.path(settings.outUri()), spark.sparkContext().hadoopConfiguration());
    } catch (IOException | RuntimeException e) {
      throw new ReengageException(
          "Cannot write to --out "
              + settings.outUri()
              + ": "
              + e.getMessage()
              + " (choose a folder you can write to)",
          e);
    }
  }

  /** The event files for the given arrival ranges. */
  private EventInputs.Found listInputs(List<EventInputs.Range> ranges) {
    EventInputs.Found found =
        EventInputs.list(
            spark.sparkContext().hadoopConfiguration(),
            settings.eventsUri(),
            settings.layout(),
            settings.lateArrivalHours(),
            ranges);
    LOG.info(
        "Reading {} files ({} MB) from {} month folders, layout {}",
        found.files().size(),
        found.bytes() >> 20,
        found.foldersListed(),
        listing(found).layout());
    if (found.files().isEmpty()) {
      LOG.warn(
          "No event files under {} for the windows: the result will be empty",
          settings.eventsUri());
    }
    return found;
  }

  private static Listing listing(EventInputs.Found found) {
    return new Listing(found.layout().name().toLowerCase(Locale.ROOT), found.foldersListed());
  }

  private static RunSummary.Rollups describe(RollupPlan plan, RolledUp rolledUp) {
    List<LocalDate> days = plan.rollupDays();
    return new RunSummary.Rollups(
        days.size(),
        days.isEmpty() ? null : days.get(0).toString(),
        days.isEmpty() ? null : days.get(days.size() - 1).toString(),
        rolledUp == null ? plan.rollupBytes() : rolledUp.bytes(),
        plan.rawEpochDays().size(),
        plan.rawRanges().stream().map(Object::toString).toList(),
        rolledUp == null ? null : rolledUp.compactedMonths(),
        rolledUp == null ? null : rolledUp.compactedDays());
  }

  /** The innermost cause as "Type: first line of its message", short enough for one line. */
  static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
    if (message.length() > 200) {
      message = message.substring(0, 200) + "...";
    }
    return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }

  private void checkBadRecords(ReadCounts counts) {
    counts.checkStorage(settings.eventsUri());
    if (counts.unreadableFiles > 0) {
      LOG.warn(
          "{} files could not be read completely (see the warnings above)", counts.unreadableFiles);
    }
    if (counts.badFraction() > settings.maxBadFraction()) {
      throw new ReengageException(
          String.format(
              "Too many bad records in --events %s: %d of %d (%.4f%%) are not valid Pinpoint events,"
                  + " above --max-bad-fraction %s (fix the input, or raise --max-bad-fraction to"
                  + " accept them as skipped)",
              settings.eventsUri(),
              counts.badRecords,
              counts.records,
              100.0 * counts.badFraction(),
              settings.maxBadFraction()));
    }
  }

  private static String describe(ReadCounts c, long ms) {
    double seconds = Math.max(ms, 1) / 1000.0;
    return String.format(
        "%d files, %d MB, %d records (%d bad, %d ignored types) in %.1f s: %.0f MB/s, %.0f records/s",
        c.files,
        c.bytes >> 20,
        c.records,
        c.badRecords,
        c.ignoredRecords,
        seconds,
        (c.bytes / 1048576.0) / seconds,
        c.records / seconds);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  static long millisSince(long nanoStart) {
    return (System.nanoTime() - nanoStart) / 1_000_000;
  }
}
