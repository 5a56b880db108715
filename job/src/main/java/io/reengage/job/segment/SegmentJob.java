package io.reengage.job.segment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.sum;

import io.reengage.job.common.Filesystems;
import io.reengage.job.common.ReengageException;
import io.reengage.job.read.EventColumns;
import io.reengage.job.read.EventFile;
import io.reengage.job.read.EventInputs;
import io.reengage.job.read.ReadCounts;
import io.reengage.job.read.ReadFilter;
import io.reengage.job.read.SparkEventReader;
import io.reengage.job.rollup.RollupPlan;
import io.reengage.job.rollup.RollupRules;
import io.reengage.job.rollup.RollupStore;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.rules.UnengagedRules;
import io.reengage.job.write.ImportCsvWriter;
import io.reengage.job.write.OutputPublisher;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O shell around the rules: list, read, apply the rules, write, publish.
 *
 * <p>Two ways to the per-address attributes of rule 5: a full scan of the raw events of the windows,
 * or rollups for the whole days they cover plus raw events for the rest ({@link RollupPlan}). Both end
 * in the same rule 6 and writer. Phases are timed into the summary. The bad-record limit is checked
 * right after the read, before any shuffle or write, so a run over a broken feed fails fast and
 * publishes nothing.
 */
public final class SegmentJob {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentJob.class);
  /** Part files roll over at this size: a tenth of Pinpoint's 1 GB per-import limit. */
  static final long MAX_PART_BYTES = 100L << 20;

  private final SparkSession spark;
  private final SegmentSettings settings;
  private final RuleParameters rules;
  private Dataset<Row> crossCheckInput;

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
    try {
      Dataset<Row> perAddress =
          settings.rollupsUri() == null ? fullScan(summary) : withRollups(summary);

      long t = System.nanoTime();
      summary.addresses = perAddress.count();
      Dataset<Row> unengaged =
          UnengagedRules.selectUnengaged(perAddress, rules).persist(StorageLevel.MEMORY_AND_DISK());
      summary.unengaged = unengaged.count();
      summary.timings.merge("rulesMs", millisSince(t), Long::sum);
      if (settings.crossCheck()) {
        crossCheck(unengaged, publisher, summary);
      }
      LOG.info(
          "{} addresses, {} unengaged, {} unusable destination elements dropped",
          summary.addresses,
          summary.unengaged,
          summary.droppedAddresses);

      t = System.nanoTime();
      List<ImportCsvWriter.WrittenFile> files;
      try {
        files =
            new ImportCsvWriter(MAX_PART_BYTES)
                .write(unengaged, summary.unengaged, publisher.stagingImport().toString());
      } catch (Exception e) { // a failed task comes back as SparkException, undeclared in Java
        throw new ReengageException(
            "Cannot write the import CSV to --out " + settings.outUri() + ": " + rootCause(e)
                + " (check that the location is reachable and writable, then rerun; nothing was"
                + " published)",
            e);
      }
      perAddress.unpersist();
      unengaged.unpersist();
      summary.outputFiles = files.size();
      summary.outputBytes = files.stream().mapToLong(ImportCsvWriter.WrittenFile::bytes).sum();
      summary.importUri = publisher.importFolder().toString() + "/";
      summary.timings.put("writeMs", millisSince(t));
      if (summary.outputBytes > 1_000_000_000L) {
        LOG.warn(
            "The import folder holds {} bytes, more than Pinpoint's default 1 GB import limit",
            summary.outputBytes);
      }

      t = System.nanoTime();
      summary.timings.put("jobMs", millisSince(jobStart));
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
          "Cannot write the output to " + settings.outUri() + ": " + e.getMessage()
              + " (check the location and its permissions)",
          e);
    } finally {
      if (!published) {
        publisher.abandon();
      }
    }
  }

  /** Every raw event of the windows, through the rules in the query's order. */
  private Dataset<Row> fullScan(SegmentSummary summary) {
    long t = System.nanoTime();
    Instant first = Instant.ofEpochMilli(rules.earliestRelevantMillis());
    List<EventFile> files =
        listInputs(summary, List.of(new EventInputs.Range(first, Instant.ofEpochMilli(rules.untilMillis()))));
    summary.timings.put("listMs", millisSince(t));

    t = System.nanoTime();
    Dataset<Row> windowed = readWindowed(files, summary, null);
    summary.timings.put("readMs", millisSince(t));

    t = System.nanoTime();
    Dataset<Row> joined =
        UnengagedRules.distinctRows(windowed, rules).persist(StorageLevel.MEMORY_AND_DISK());
    summary.droppedAddresses = countUnusableElements(joined);
    windowed.unpersist();
    Dataset<Row> perAddress =
        UnengagedRules.perAddress(UnengagedRules.usableAddresses(UnengagedRules.flatten(joined)))
            .persist(StorageLevel.MEMORY_AND_DISK());
    perAddress.count();
    joined.unpersist();
    summary.timings.put("rulesMs", millisSince(t));
    return perAddress;
  }

  /** Whole days from rollups, the rest of the windows from raw events; see {@link RollupPlan}. */
  private Dataset<Row> withRollups(SegmentSummary summary) {
    long t = System.nanoTime();
    RollupStore store;
    RollupPlan plan;
    LocalDate firstDay = min(rules.deliveredStartDate(), rules.engagementStartDate());
    try {
      store = new RollupStore(settings.rollupsUri(), spark.sparkContext().hadoopConfiguration());
      plan = RollupPlan.of(rules, store.completeDays(firstDay, rules.asOf().plusDays(1)));
    } catch (IOException | RuntimeException e) {
      throw new ReengageException(
          "Cannot read --rollups " + settings.rollupsUri() + ": " + e.getMessage() + " (check the location and credentials)", e);
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
    summary.timings.put("listMs", millisSince(t));

    t = System.nanoTime();
    Dataset<Row> windowed = readWindowed(files, summary, plan.rawEpochDays());
    summary.deliveredEvents += plan.rollupDeliveredEvents();
    summary.engagementEvents += plan.rollupEngagementEvents();
    summary.timings.put("readMs", millisSince(t));

    t = System.nanoTime();
    Dataset<Row> rolledUp = plan.rollupDays().isEmpty() ? null : readRollups(store, plan);
    Dataset<Row> combined =
        RollupRules.perAddressWithRollups(windowed, rolledUp, rules).persist(StorageLevel.MEMORY_AND_DISK());
    Row dropped =
        combined
            .where(UnengagedRules.unusableAddress())
            .select(sum(col(UnengagedRules.NUM_DELIVERED).plus(col(RollupRules.ENGAGEMENT_COUNT))))
            .first();
    summary.droppedAddresses = dropped.isNullAt(0) ? 0 : dropped.getLong(0);
    windowed.unpersist();
    Dataset<Row> perAddress =
        UnengagedRules.usableAddresses(combined)
            .select(
                col(UnengagedRules.ADDRESS),
                col(UnengagedRules.MAX_DELIVERED),
                col(UnengagedRules.MIN_DELIVERED),
                col(UnengagedRules.LAST_ENGAGEMENT),
                col(UnengagedRules.NUM_DELIVERED));
    summary.timings.put("rulesMs", millisSince(t));
    return perAddress;
  }

  /**
   * Runs the SQL port on the same events and compares; on a difference, writes the differing rows to
   * OUT/cross-check-report.csv (never to the log) and fails the run without publishing.
   */
  private void crossCheck(Dataset<Row> unengaged, OutputPublisher publisher, SegmentSummary summary)
      throws IOException {
    long t = System.nanoTime();
    io.reengage.job.compare.ImportComparison.Outcome outcome =
        io.reengage.job.crosscheck.SqlPortCrossCheck.compare(spark, crossCheckInput, unengaged, rules);
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
    LOG.info("Cross-check: the SQL port of the Athena query returns the same {} rows", summary.unengaged);
  }

  /** The daily rows of the rolled-up days: exactly the files their markers name, no listing. */
  private Dataset<Row> readRollups(RollupStore store, RollupPlan plan) {
    List<String> files = new ArrayList<>();
    for (io.reengage.job.rollup.DayMarker m : plan.rollupMarkers()) {
      files.addAll(store.files(m));
    }
    if (files.isEmpty()) {
      return null;
    }
    // A year is hundreds of files: above Spark's default threshold of 32 paths, checking them would
    // run as a Spark job of one task per path, which costs far more than doing it here.
    spark.conf().set("spark.sql.sources.parallelPartitionDiscovery.threshold", Math.max(32, files.size() + 1));
    return spark
        .read()
        .schema(RollupRules.DAILY_SCHEMA)
        .option("basePath", store.root().toString())
        .parquet(files.toArray(new String[0]));
  }

  /**
   * Reads the files, keeps the events of the windows (and, with rollups, of the raw days only), and
   * caches them; counts by type and checks the bad-record limit.
   */
  private Dataset<Row> readWindowed(List<EventFile> files, SegmentSummary summary, List<Long> onlyEpochDays) {
    long t = System.nanoTime();
    ReadFilter filter =
        new ReadFilter(rules.countedTypes(), rules.earliestRelevantMillis(), rules.untilMillis());
    SparkEventReader.EventRead read = SparkEventReader.read(spark, files, filter);
    Dataset<Row> events = read.events();
    if (settings.crossCheck()) {
      // The port gets the parsed events before the rules' window tests, so that it applies the
      // query's own; cached, so that no file is read twice.
      events = events.persist(StorageLevel.MEMORY_AND_DISK());
      crossCheckInput = events;
    }
    if (onlyEpochDays != null) {
      events = events.where(expr(RollupRules.epochDayExpression(EventColumns.ARRIVAL_TIMESTAMP)).isin(onlyEpochDays.toArray()));
    }
    Dataset<Row> windowed =
        UnengagedRules.inWindows(events, rules).persist(StorageLevel.MEMORY_AND_DISK());
    countEventTypes(windowed, summary);
    summary.read = read.counts().value();
    LOG.info("Read {}", describe(summary.read, millisSince(t)));
    checkBadRecords(summary.read);
    return windowed;
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
      LOG.warn("No event files under {} for the windows: the result will be empty", settings.eventsUri());
    }
    return found.files();
  }

  private static Map<String, Object> describe(RollupPlan plan) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rollupDays", plan.rollupDays().size());
    m.put("firstRollupDay", plan.rollupDays().isEmpty() ? null : plan.rollupDays().get(0).toString());
    m.put("lastRollupDay", plan.rollupDays().isEmpty() ? null : plan.rollupDays().get(plan.rollupDays().size() - 1).toString());
    m.put("bytes", plan.rollupBytes());
    m.put("rawDays", plan.rawEpochDays().size());
    m.put("rawDayRanges", plan.rawRanges().stream().map(Object::toString).toList());
    return m;
  }

  /** One global aggregate (no shuffle) that also materialises the cache of windowed events. */
  private void countEventTypes(Dataset<Row> windowed, SegmentSummary summary) {
    org.apache.spark.sql.Column delivered = col(EventColumns.EVENT_TYPE).equalTo(RuleParameters.DELIVERED);
    Row counts =
        windowed
            .agg(
                count(org.apache.spark.sql.functions.when(delivered, 1)),
                count(org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.not(delivered), 1)))
            .first();
    summary.deliveredEvents += counts.getLong(0);
    summary.engagementEvents += counts.getLong(1);
  }

  private static long countUnusableElements(Dataset<Row> joined) {
    // size() of a NULL array is -1 in Spark, so rows without a destination are left out first.
    Row row =
        joined
            .where(col(EventColumns.DESTINATION).isNotNull())
            .select(
                sum(
                    org.apache.spark.sql.functions.size(
                        org.apache.spark.sql.functions.filter(
                            col(EventColumns.DESTINATION), UnengagedRules::isUnusable))))
            .first();
    return row.isNullAt(0) ? 0 : Math.max(0, row.getLong(0));
  }

  /** The innermost cause as "Type: first line of its message", short enough for one line. */
  static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
    if (message.length() > 200) {
      message = message.substring(0, 200) + "...";
    }
    return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }

  private void checkBadRecords(ReadCounts counts) {
    counts.checkStorage(settings.eventsUri());
    if (counts.unreadableFiles > 0) {
      LOG.warn("{} files could not be read completely (see the warnings above)", counts.unreadableFiles);
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
