package io.reengage.job.segment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

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
import io.reengage.job.report.AddressDistributions;
import io.reengage.job.report.ReportFile;
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
import java.util.LinkedHashMap;
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
  private Dataset<Row> crossCheckInput;
  private SparkEventReader.EventRead read;

  /** Names of the counts observed during the job. */
  private static final String WINDOWED = "windowed-events";

  private static final String DROPPED = "unusable-elements";
  private static final String ADDRESSES = "addresses";

  public SegmentJob(SparkSession spark, SegmentSettings settings) {
    this.spark = spark;
    this.settings = settings;
    this.rules = settings.rules();
  }

  public SegmentSummary run() {
    long jobStart = System.nanoTime();
    SegmentSummary summary = new SegmentSummary();
    summary.rules = rules;
    summary.maxBadFraction = settings.maxBadFraction();
    summary.eventsUri = settings.eventsUri();
    spark.sparkContext().setJobDescription("reengage segment as-of " + rules.asOf());

    OutputPublisher publisher = prepareOutput();
    boolean published = false;
    try (ObservedMetrics observed = new ObservedMetrics(spark);
        ScanStageTimer scan = ScanStageTimer.start(spark.sparkContext())) {
      long t = System.nanoTime();
      Dataset<Row> perAddress =
          settings.rollupsUri() == null
              ? fullScan(summary, observed)
              : withRollups(summary, observed);
      summary.timings.put("listMs", millisSince(t));

      // One Spark job reads, applies the rules and keeps the result (a row per unengaged address)
      // for the writer; the summary's counts are observed on the way instead of costing a cache and
      // a job each.
      t = System.nanoTime();
      // The cache holds every address (flagged by rule 6), so that the report's domain counts are
      // a small aggregate over it rather than a second read of the events.
      AddressDistributions distributions = new AddressDistributions(rules);
      Dataset<Row> flagged =
          AddressDistributions.withUnengagedFlag(
                  distributions.observe(
                      observed, observed.observe(perAddress, ADDRESSES, count(lit(1)))),
                  rules)
              .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> unengaged = AddressDistributions.unengagedOnly(flagged);
      try {
        summary.unengaged = unengaged.count();
        summary.timings.put("aggregateMs", millisSince(t));
        summary.timings.put("scanMs", scan.millis());
        summary.read = read.counts().value();
        LOG.info("Read {}", describe(summary.read, summary.timings.get("scanMs")));
        checkBadRecords(summary.read);
        summary.deliveredEvents += observed.getLong(WINDOWED, 0);
        summary.engagementEvents += observed.getLong(WINDOWED, 1);
        summary.droppedAddresses = observed.getLong(DROPPED, 0);
        summary.addresses = observed.getLong(ADDRESSES, 0);
        long d = System.nanoTime();
        summary.distributions = distributions.collect(observed, flagged, summary.addresses).toMap();
        summary.timings.put("distributionsMs", millisSince(d));
        if (settings.crossCheck()) {
          crossCheck(unengaged, publisher, summary);
        }
        LOG.info(
            "{} addresses, {} unengaged, {} unusable destination elements dropped",
            summary.addresses,
            summary.unengaged,
            summary.droppedAddresses);

        writeImport(unengaged, publisher, summary);
      } finally {
        flagged.unpersist();
      }

      t = System.nanoTime();
      summary.timings.put("jobMs", millisSince(jobStart));
      ReportFile.stage(publisher, summary);
      publisher.publish(summary.toJson());
      published = true;
      LOG.info(
          "Published {} rows in {} files to {} in {} ms",
          summary.unengaged,
          summary.outputFiles,
          publisher.out(),
          millisSince(t));
      return summary;
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

  /** Writes the CSV parts into the staging folder and records them in the summary. */
  private void writeImport(
      Dataset<Row> unengaged, OutputPublisher publisher, SegmentSummary summary) {
    long t = System.nanoTime();
    List<ImportCsvWriter.WrittenFile> files;
    try {
      files =
          new ImportCsvWriter(MAX_PART_BYTES)
              .write(unengaged, summary.unengaged, publisher.stagingImport().toString());
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
    summary.outputFiles = files.size();
    summary.outputBytes = files.stream().mapToLong(ImportCsvWriter.WrittenFile::bytes).sum();
    summary.importUri = publisher.importFolder().toString() + "/";
    summary.timings.put("writeMs", millisSince(t));
    if (summary.outputBytes > 1_000_000_000L) {
      LOG.warn(
          "The import folder holds {} bytes, more than Pinpoint's default 1 GB import limit",
          summary.outputBytes);
    }
  }

  /** Every raw event of the windows, through the rules in the query's order. */
  private Dataset<Row> fullScan(SegmentSummary summary, ObservedMetrics observed) {
    Instant first = Instant.ofEpochMilli(rules.earliestRelevantMillis());
    List<EventFile> files =
        listInputs(
            summary,
            List.of(new EventInputs.Range(first, Instant.ofEpochMilli(rules.untilMillis()))));
    Dataset<Row> windowed = windowedEvents(files, null, observed);
    Dataset<Row> flat = UnengagedRules.flatten(UnengagedRules.distinctRows(windowed, rules));
    // Unusable elements are counted after the query's DISTINCT, where the full scan and the rollup
    // path see the same rows.
    flat = observed.observe(flat, DROPPED, count(when(UnengagedRules.unusableAddress(), 1)));
    return UnengagedRules.perAddress(UnengagedRules.usableAddresses(flat));
  }

  /** Whole days from rollups, the rest of the windows from raw events; see {@link RollupPlan}. */
  private Dataset<Row> withRollups(SegmentSummary summary, ObservedMetrics observed) {
    RollupStore store;
    RollupPlan plan;
    LocalDate firstDay = min(rules.deliveredStartDate(), rules.engagementStartDate());
    try {
      store = new RollupStore(settings.rollupsUri(), spark.sparkContext().hadoopConfiguration());
      plan = RollupPlan.of(rules, store.completeDays(firstDay, rules.asOf().plusDays(1)));
    } catch (IOException | RuntimeException e) {
      throw new ReengageException(
          "Cannot read --rollups "
              + settings.rollupsUri()
              + ": "
              + e.getMessage()
              + " (check the location and credentials)",
          e);
    }
    summary.rollups = describe(plan);
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
    List<EventFile> files = ranges.isEmpty() ? List.of() : listInputs(summary, ranges);

    Dataset<Row> windowed = windowedEvents(files, plan.rawEpochDays(), observed);
    summary.deliveredEvents += plan.rollupDeliveredEvents();
    summary.engagementEvents += plan.rollupEngagementEvents();
    Dataset<Row> rolledUp = plan.rollupDays().isEmpty() ? null : readRollups(store, plan, summary);
    Dataset<Row> combined = RollupRules.perAddressWithRollups(windowed, rolledUp, rules);
    combined =
        observed.observe(
            combined,
            DROPPED,
            sum(
                when(
                    UnengagedRules.unusableAddress(),
                    col(UnengagedRules.NUM_DELIVERED).plus(col(RollupRules.ENGAGEMENT_COUNT)))));
    return UnengagedRules.usableAddresses(combined)
        .select(
            col(UnengagedRules.ADDRESS),
            col(UnengagedRules.MAX_DELIVERED),
            col(UnengagedRules.MIN_DELIVERED),
            col(UnengagedRules.LAST_ENGAGEMENT),
            col(UnengagedRules.NUM_DELIVERED));
  }

  /**
   * Runs the SQL port on the same events and compares; on a difference, writes the differing rows
   * to OUT/cross-check-report.csv (never to the log) and fails the run without publishing.
   */
  private void crossCheck(Dataset<Row> unengaged, OutputPublisher publisher, SegmentSummary summary)
      throws IOException {
    long t = System.nanoTime();
    io.reengage.job.compare.ImportComparison.Outcome outcome =
        io.reengage.job.crosscheck.SqlPortCrossCheck.compare(
            spark, crossCheckInput, unengaged, rules);
    crossCheckInput.unpersist();
    summary.crossCheckRan = true;
    summary.crossCheckMismatchedRows = outcome.result().mismatched();
    summary.timings.put("crossCheckMs", millisSince(t));
    if (!outcome.result().equal()) {
      String report = new Path(publisher.out(), "cross-check-report.csv").toString();
      io.reengage.job.compare.DifferenceReport.write(
          outcome.differences(), report, spark.sparkContext().hadoopConfiguration());
      io.reengage.job.compare.ImportComparison.Result r = outcome.result();
      throw new io.reengage.job.crosscheck.CrossCheckMismatchException(
          String.format(
              "Cross-check failed: the Dataset rules and the SQL port of the Athena query differ in %d rows"
                  + " (%d only in the rules' result, %d only in the port's, %d with other attributes);"
                  + " nothing was published; the rows are in %s (report it as a bug with that file)",
              r.mismatched(), r.missing(), r.extra(), r.differing(), report));
    }
    LOG.info(
        "Cross-check: the SQL port of the Athena query returns the same {} rows",
        summary.unengaged);
  }

  /**
   * The daily rows of the rolled-up days: from compacted months where they still match the days'
   * markers, otherwise exactly the files the day markers name; no listing either way.
   */
  private Dataset<Row> readRollups(RollupStore store, RollupPlan plan, SegmentSummary summary) {
    List<DayMarker> days = plan.rollupMarkers();
    Map<YearMonth, MonthMarker> months;
    try {
      months =
          store.compactedMonths(
              YearMonth.from(days.get(0).date()), YearMonth.from(days.get(days.size() - 1).date()));
    } catch (IOException e) {
      throw new ReengageException(
          "Cannot read --rollups "
              + settings.rollupsUri()
              + ": "
              + e.getMessage()
              + " (check the location and credentials)",
          e);
    }
    RollupSources sources = RollupSources.choose(days, months);
    summary.rollups.put("compactedMonths", sources.compacted().size());
    summary.rollups.put("daysFromCompactedMonths", sources.compactedDays());

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
    // What this run opens: whole compacted files, even where it keeps only some of their days.
    summary.rollups.put("bytes", bytes);
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
    return rows;
  }

  /**
   * The events of the files inside the windows (with rollups, of the raw days only), with their
   * counts by type observed. Lazy: nothing is read until the job's action.
   */
  private Dataset<Row> windowedEvents(
      List<EventFile> files, List<Long> onlyEpochDays, ObservedMetrics observed) {
    ReadFilter filter =
        new ReadFilter(rules.countedTypes(), rules.earliestRelevantMillis(), rules.untilMillis());
    read = SparkEventReader.read(spark, files, filter);
    Dataset<Row> events = read.events();
    if (settings.crossCheck()) {
      // The port gets the parsed events before the rules' window tests, so that it applies the
      // query's own; cached, so that no file is read twice.
      events = events.persist(StorageLevel.MEMORY_AND_DISK());
      crossCheckInput = events;
    }
    if (onlyEpochDays != null) {
      events =
          events.where(
              expr(RollupRules.epochDayExpression(EventColumns.ARRIVAL_TIMESTAMP))
                  .isin(onlyEpochDays.toArray()));
    }
    Column delivered = col(EventColumns.EVENT_TYPE).equalTo(RuleParameters.DELIVERED);
    return observed.observe(
        UnengagedRules.inWindows(events, rules),
        WINDOWED,
        count(when(delivered, 1)),
        count(when(not(delivered), 1)));
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

  /** The event files for the given arrival ranges; records what was listed in the summary. */
  private List<EventFile> listInputs(SegmentSummary summary, List<EventInputs.Range> ranges) {
    EventInputs.Found found =
        EventInputs.list(
            spark.sparkContext().hadoopConfiguration(),
            settings.eventsUri(),
            settings.layout(),
            settings.lateArrivalHours(),
            ranges);
    summary.layout = found.layout().name().toLowerCase(Locale.ROOT);
    summary.foldersListed = found.foldersListed();
    LOG.info(
        "Reading {} files ({} MB) from {} month folders, layout {}",
        found.files().size(),
        found.bytes() >> 20,
        summary.foldersListed,
        summary.layout);
    if (found.files().isEmpty()) {
      LOG.warn(
          "No event files under {} for the windows: the result will be empty",
          settings.eventsUri());
    }
    return found.files();
  }

  private static Map<String, Object> describe(RollupPlan plan) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rollupDays", plan.rollupDays().size());
    m.put(
        "firstRollupDay", plan.rollupDays().isEmpty() ? null : plan.rollupDays().get(0).toString());
    m.put(
        "lastRollupDay",
        plan.rollupDays().isEmpty()
            ? null
            : plan.rollupDays().get(plan.rollupDays().size() - 1).toString());
    m.put("bytes", plan.rollupBytes());
    m.put("rawDays", plan.rawEpochDays().size());
    m.put("rawDayRanges", plan.rawRanges().stream().map(Object::toString).toList());
    return m;
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
