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
import io.reengage.job.machineopen.MachineOpenClassification;
import io.reengage.job.read.EventColumns;
import io.reengage.job.read.EventFile;
import io.reengage.job.read.EventInputs;
import io.reengage.job.read.ReadCounts;
import io.reengage.job.read.ReadFilter;
import io.reengage.job.read.ScanStageTimer;
import io.reengage.job.read.SparkEventReader;
import io.reengage.job.report.AddressDistributions;
import io.reengage.job.report.ReportFile;
import io.reengage.job.report.TopDomains;
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
  private final MachineOpenClassification machineOpens;
  private final AddressDistributions distributions;

  /** Names of the counts observed during the job. */
  private static final String WINDOWED = "windowed-events";

  private static final String DROPPED = "unusable-elements";
  private static final String ADDRESSES = "addresses";

  public SegmentJob(SparkSession spark, SegmentSettings settings) {
    this.spark = spark;
    this.settings = settings;
    this.rules = settings.rules();
    this.distributions = new AddressDistributions(rules);
    // The IP list is read here, before anything else: a bad list fails the run before any event
    // is listed or read.
    this.machineOpens =
        MachineOpenClassification.load(
            settings.machineOpens(), spark.sparkContext().hadoopConfiguration());
  }

  /**
   * What the listing and the lazy plan of the rules found: every address's row flagged by rule 6
   * ({@link AddressDistributions#withUnengagedFlag}), the read whose counts fill in when the job's
   * action runs, the parsed events for the cross-check (null without it) and the parts of the
   * summary known before that action.
   */
  private record Planned(
      Dataset<Row> flagged,
      SparkEventReader.RootsRead read,
      Dataset<Row> crossCheckInput,
      List<Listing> listings,
      long rollupDeliveredEvents,
      long rollupEngagementEvents,
      long rollupMachineOpens,
      RunSummary.Rollups rollups) {}

  /** What listing one --events root found; empty when no raw day had to be listed. */
  private record Listing(String layout, int foldersListed) {}

  private static final Listing NOT_LISTED = new Listing(null, 0);

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

      // One Spark job reads, applies the rules, keeps every address flagged by rule 6 for the
      // writer and ends in the report's domain counts; the summary's counts, the number unengaged
      // among them, are observed on the way instead of costing a cache and a job each.
      t = System.nanoTime();
      Dataset<Row> flagged = planned.flagged().persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> unengaged = AddressDistributions.unengagedOnly(flagged);
      try {
        TopDomains domains = AddressDistributions.topDomains(flagged);
        long unengagedCount = domains.unengaged();
        long aggregateMs = millisSince(t);
        long scanMs = scan.millis();
        ReadCounts read = planned.read().total();
        LOG.info("Read {}", describe(read, scanMs));
        checkBadRecords(planned.read());
        long addresses = observed.getLong(ADDRESSES, 0);
        long dropped = observed.getLong(DROPPED, 0);
        t = System.nanoTime();
        Map<String, Object> distributions =
            this.distributions.collect(observed, domains, addresses).toMap();
        long distributionsMs = millisSince(t);
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
        RunSummary.Builder builder =
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
                .inputs(inputs(planned))
                .records(read.records)
                .pinpointRecords(read.pinpointRecords)
                .sesRecords(read.sesRecords)
                .badRecords(read.badRecords)
                .ignoredRecords(read.ignoredRecords)
                .deliveredEvents(observed.getLong(WINDOWED, 0) + planned.rollupDeliveredEvents())
                .engagementEvents(observed.getLong(WINDOWED, 1) + planned.rollupEngagementEvents())
                .addresses(addresses)
                .unengaged(unengagedCount)
                .droppedAddresses(dropped)
                .machineOpens(observed.getLong(WINDOWED, 2) + planned.rollupMachineOpens())
                .unengagedIgnoringMachineOpens(observed.getLong(ADDRESSES, 1))
                .machineOpenSettings(
                    new RunSummary.MachineOpenSettings(
                        mode().optionValue(),
                        settings.machineOpens().ipListUri(),
                        machineOpens.ipListPrefixes(),
                        machineOpens.id()))
                .outputFiles(written.files())
                .outputBytes(written.bytes())
                .importUri(written.importUri())
                .crossCheck(new RunSummary.CrossCheck(settings.crossCheck(), 0))
                .rollups(planned.rollups())
                .distributions(distributions)
                .timings(
                    new RunSummary.Timings(
                        listMs,
                        aggregateMs,
                        scanMs,
                        crossCheckMs,
                        written.writeMs(),
                        millisSince(jobStart),
                        distributionsMs));
        RunSummary summary = ReportFile.stage(publisher, builder);

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
        flagged.unpersist();
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

  /** One entry per --events root: what its listing found and what was read under it. */
  private List<RunSummary.Input> inputs(Planned planned) {
    List<RunSummary.Input> inputs = new ArrayList<>();
    for (int i = 0; i < settings.eventsUris().size(); i++) {
      Listing listing = planned.listings().get(i);
      ReadCounts c = planned.read().perRoot().get(i).value();
      inputs.add(
          new RunSummary.Input(
              settings.eventsUris().get(i),
              listing.layout(),
              listing.foldersListed(),
              c.files,
              c.bytes,
              c.unreadableFiles,
              c.records,
              c.pinpointRecords,
              c.sesRecords));
    }
    return inputs;
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
    List<EventInputs.Found> found =
        listInputs(
            List.of(new EventInputs.Range(first, Instant.ofEpochMilli(rules.untilMillis()))));
    SparkEventReader.RootsRead read = readEvents(found);
    Dataset<Row> events = cachedForCrossCheck(read.events());
    Dataset<Row> flagged =
        AddressDistributions.withUnengagedFlag(
            UnengagedRules.perAddress(
                events, rules, mode(), new Counts(observed, rules, distributions)),
            rules);
    return new Planned(flagged, read, crossCheckInput(events), listings(found), 0, 0, 0, null);
  }

  /** Whole days from rollups, the rest of the windows from raw events; see {@link RollupPlan}. */
  private Planned withRollups(ObservedMetrics observed) {
    RollupStore store;
    RollupPlan plan;
    LocalDate firstDay = min(rules.deliveredStartDate(), rules.engagementStartDate());
    try {
      store = new RollupStore(settings.rollupsUri(), spark.sparkContext().hadoopConfiguration());
      plan =
          RollupPlan.of(
              rules, store.completeDays(firstDay, rules.asOf().plusDays(1)), machineOpens.id());
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
    List<EventInputs.Found> found = ranges.isEmpty() ? null : listInputs(ranges);

    SparkEventReader.RootsRead read = readEvents(found);
    Dataset<Row> events = cachedForCrossCheck(read.events());
    Dataset<Row> rawDays =
        events.where(
            expr(RollupRules.epochDayExpression(EventColumns.ARRIVAL_TIMESTAMP))
                .isin(plan.rawEpochDays().toArray()));
    Counts counts = new Counts(observed, rules, distributions);
    Dataset<Row> windowed =
        UnengagedRules.forMode(counts.windowed(UnengagedRules.inWindows(rawDays, rules)), mode());
    RolledUp rolledUp = plan.rollupDays().isEmpty() ? null : readRollups(store, plan);
    Dataset<Row> combined =
        RollupRules.perAddressWithRollups(
            windowed,
            rolledUp == null ? null : rolledUp.rows(),
            rolledUp == null ? null : rolledUp.monthPartials(),
            rules,
            mode());
    combined =
        observed.observe(
            combined,
            DROPPED,
            sum(
                when(
                    UnengagedRules.unusableAddress(),
                    col(UnengagedRules.NUM_DELIVERED).plus(col(RollupRules.ENGAGEMENT_COUNT)))));
    Dataset<Row> perAddress = RollupRules.usablePerAddress(combined);
    return new Planned(
        AddressDistributions.withUnengagedFlag(counts.perAddress(perAddress), rules),
        read,
        crossCheckInput(events),
        listings(found),
        plan.rollupDeliveredEvents(),
        plan.rollupEngagementEvents(),
        plan.rollupMachineOpens(),
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
    RollupSources sources =
        RollupSources.choose(days, months, rules.deliveredStartDate(), rules.engagementStartDate());

    List<String> dailyFiles = new ArrayList<>();
    long bytes = 0;
    long dayRows = 0;
    for (DayMarker m : sources.dailyDays()) {
      dailyFiles.addAll(store.files(m));
      bytes += m.bytes();
      dayRows += m.rows();
    }
    Dataset<Row> monthPartials = null;
    for (RollupSources.AggregatePart part : sources.aggregates().values()) {
      Dataset<Row> month =
          RollupRules.monthPartials(
              spark
                  .read()
                  .schema(RollupRules.MONTH_SCHEMA)
                  .parquet(store.aggregateFiles(part.month()).toArray(new String[0])),
              part.deliveredIn(),
              part.engagementIn(),
              mode());
      monthPartials = monthPartials == null ? month : monthPartials.unionByName(month);
      bytes += part.month().aggregateBytes();
    }
    List<String> compactedFiles = new ArrayList<>();
    List<Object> compactedDays = new ArrayList<>();
    for (RollupSources.CompactedPart part : sources.compacted().values()) {
      compactedFiles.addAll(store.files(part.month()));
      part.days().forEach(d -> compactedDays.add(java.sql.Date.valueOf(d)));
      for (DayMarker m : days) {
        if (part.days().contains(m.date())) {
          dayRows += m.rows();
        }
      }
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
    java.util.Set<YearMonth> monthsUsed = new java.util.TreeSet<>(sources.compacted().keySet());
    monthsUsed.addAll(sources.aggregates().keySet());
    return new RolledUp(
        rows,
        monthPartials,
        monthsUsed.size(),
        sources.compactedDays() + sources.aggregatedDays(),
        sources.aggregates().size(),
        sources.aggregatedDays(),
        sources.aggregateRows(),
        dayRows,
        bytes);
  }

  /**
   * The daily rows of the rolled-up days not answered by month aggregates ({@code null} when none),
   * the month aggregates' partial rows ({@code null} when none), and where they came from.
   */
  private record RolledUp(
      Dataset<Row> rows,
      Dataset<Row> monthPartials,
      int compactedMonths,
      int compactedDays,
      int monthAggregates,
      int aggregatedDays,
      long aggregateRows,
      long dayRows,
      long bytes) {}

  /**
   * The events of each root's files (none when nothing was listed), lazily: nothing is read until
   * the job's action.
   */
  private SparkEventReader.RootsRead readEvents(List<EventInputs.Found> found) {
    ReadFilter filter =
        new ReadFilter(
            rules.countedTypes(),
            rules.earliestRelevantMillis(),
            rules.untilMillis(),
            machineOpens.classifier());
    List<List<EventFile>> files = new ArrayList<>();
    for (int i = 0; i < settings.eventsUris().size(); i++) {
      files.add(found == null ? List.of() : found.get(i).files());
    }
    return SparkEventReader.readRoots(spark, files, filter);
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
   * engagement, machine opens, before machine opens are dropped under ignore), unusable destination
   * elements, addresses, addresses unengaged were machine opens ignored, and the report's
   * distributions.
   */
  private static final class Counts implements UnengagedRules.Observer {
    private final ObservedMetrics observed;
    private final RuleParameters rules;
    private final AddressDistributions distributions;

    Counts(ObservedMetrics observed, RuleParameters rules, AddressDistributions distributions) {
      this.observed = observed;
      this.rules = rules;
      this.distributions = distributions;
    }

    @Override
    public Dataset<Row> windowed(Dataset<Row> windowed) {
      Column delivered = col(EventColumns.EVENT_TYPE).equalTo(RuleParameters.DELIVERED);
      return observed.observe(
          windowed,
          WINDOWED,
          count(when(delivered, 1)),
          count(when(not(delivered), 1)),
          count(when(UnengagedRules.isMachineOpen(), 1)));
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
      return distributions.observe(
          observed,
          observed.observe(
              perAddress,
              ADDRESSES,
              count(lit(1)),
              count(when(UnengagedRules.unengagedIgnoringMachineOpens(rules), 1))));
    }
  }

  private io.reengage.job.rules.MachineOpenMode mode() {
    return settings.machineOpens().mode();
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

  /**
   * The event files of each --events root for the given arrival ranges, each root with its own
   * layout detection and pruning.
   */
  private List<EventInputs.Found> listInputs(List<EventInputs.Range> ranges) {
    List<EventInputs.Found> roots = new ArrayList<>();
    for (String root : settings.eventsUris()) {
      EventInputs.Found found =
          EventInputs.list(
              spark.sparkContext().hadoopConfiguration(),
              root,
              settings.layout(),
              settings.lateArrivalHours(),
              ranges);
      LOG.info(
          "Reading {} files ({} MB) from {} month folders of {}, layout {}",
          found.files().size(),
          found.bytes() >> 20,
          found.foldersListed(),
          root,
          listing(found).layout());
      if (found.files().isEmpty()) {
        LOG.warn("No event files under {} for the windows", root);
      }
      roots.add(found);
    }
    return roots;
  }

  private static Listing listing(EventInputs.Found found) {
    return new Listing(found.layout().name().toLowerCase(Locale.ROOT), found.foldersListed());
  }

  /** One listing per root; not listed at all when no raw day was needed. */
  private List<Listing> listings(List<EventInputs.Found> found) {
    if (found == null) {
      return settings.eventsUris().stream().map(u -> NOT_LISTED).toList();
    }
    return found.stream().map(SegmentJob::listing).toList();
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
        rolledUp == null ? null : rolledUp.compactedDays(),
        rolledUp == null ? null : rolledUp.monthAggregates(),
        rolledUp == null ? null : rolledUp.aggregatedDays(),
        rolledUp == null ? null : rolledUp.aggregateRows(),
        rolledUp == null ? null : rolledUp.dayRows());
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

  private void checkBadRecords(SparkEventReader.RootsRead read) {
    for (int i = 0; i < settings.eventsUris().size(); i++) {
      read.perRoot().get(i).value().checkStorage(settings.eventsUris().get(i));
    }
    ReadCounts counts = read.total();
    if (counts.unreadableFiles > 0) {
      LOG.warn(
          "{} files could not be read completely (see the warnings above)", counts.unreadableFiles);
    }
    if (counts.badFraction() > settings.maxBadFraction()) {
      throw new ReengageException(
          String.format(
              "Too many bad records in --events %s: %d of %d (%.4f%%) are not valid Pinpoint or SES events,"
                  + " above --max-bad-fraction %s (fix the input, or raise --max-bad-fraction to"
                  + " accept them as skipped)",
              settings.eventsDescription(),
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
