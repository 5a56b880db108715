package io.reengage.job.segment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import io.reengage.job.common.Filesystems;
import io.reengage.job.common.ReengageException;
import io.reengage.job.read.EventColumns;
import io.reengage.job.read.EventFileLister;
import io.reengage.job.read.ReadCounts;
import io.reengage.job.read.ReadFilter;
import io.reengage.job.read.SparkEventReader;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.rules.UnengagedRules;
import io.reengage.job.write.ImportCsvWriter;
import io.reengage.job.write.OutputPublisher;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O shell around {@link UnengagedRules}: list, read, apply the rules, write, publish.
 *
 * <p>Phases are timed into the summary. The bad-record limit is checked right after the read, before
 * any shuffle or write, so a run over a broken feed fails fast and publishes nothing.
 */
public final class SegmentJob {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentJob.class);
  /** Part files roll over at this size: a tenth of Pinpoint's 1 GB per-import limit. */
  static final long MAX_PART_BYTES = 100L << 20;

  private final SparkSession spark;
  private final SegmentSettings settings;

  public SegmentJob(SparkSession spark, SegmentSettings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  public SegmentSummary run() {
    long jobStart = System.nanoTime();
    RuleParameters rules = settings.rules();
    SegmentSummary summary = new SegmentSummary();
    summary.rules = rules;
    summary.maxBadFraction = settings.maxBadFraction();
    summary.eventsUri = settings.eventsUri();
    spark.sparkContext().setJobDescription("reengage segment as-of " + rules.asOf());

    OutputPublisher publisher = prepareOutput();
    boolean published = false;
    try {
      long t = System.nanoTime();
      EventFileLister.Listing listing = listInputs(rules);
      summary.layout = listing.layout().name().toLowerCase(java.util.Locale.ROOT);
      summary.foldersListed = listing.foldersListed();
      summary.timings.put("listMs", millisSince(t));
      LOG.info(
          "Reading {} files ({} MB) from {} month folders, layout {}",
          listing.files().size(),
          listing.totalBytes() >> 20,
          listing.foldersListed(),
          summary.layout);

      t = System.nanoTime();
      ReadFilter filter =
          new ReadFilter(rules.countedTypes(), rules.earliestRelevantMillis(), rules.untilMillis());
      SparkEventReader.EventRead read = SparkEventReader.read(spark, listing.files(), filter);
      Dataset<Row> windowed =
          UnengagedRules.inWindows(read.events(), rules).persist(StorageLevel.MEMORY_AND_DISK());
      countEventTypes(windowed, summary);
      summary.read = read.counts().value();
      summary.timings.put("readMs", millisSince(t));
      LOG.info("Read {}", describe(summary.read, millisSince(t)));
      checkBadRecords(summary.read);

      t = System.nanoTime();
      Dataset<Row> joined =
          UnengagedRules.distinctRows(windowed, rules).persist(StorageLevel.MEMORY_AND_DISK());
      summary.droppedAddresses = countUnusableElements(joined);
      windowed.unpersist();
      Dataset<Row> perAddress =
          UnengagedRules.perAddress(UnengagedRules.usableAddresses(UnengagedRules.flatten(joined)))
              .persist(StorageLevel.MEMORY_AND_DISK());
      summary.addresses = perAddress.count();
      joined.unpersist();
      Dataset<Row> unengaged =
          UnengagedRules.selectUnengaged(perAddress, rules).persist(StorageLevel.MEMORY_AND_DISK());
      summary.unengaged = unengaged.count();
      summary.timings.put("rulesMs", millisSince(t));
      LOG.info(
          "{} addresses, {} unengaged, {} unusable destination elements dropped",
          summary.addresses,
          summary.unengaged,
          summary.droppedAddresses);

      t = System.nanoTime();
      List<ImportCsvWriter.WrittenFile> files =
          new ImportCsvWriter(MAX_PART_BYTES)
              .write(unengaged, summary.unengaged, publisher.stagingImport().toString());
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

  private EventFileLister.Listing listInputs(RuleParameters rules) {
    Path root = Filesystems.path(settings.eventsUri());
    Instant first =
        Instant.ofEpochMilli(rules.earliestRelevantMillis())
            .minusSeconds(3600L * SegmentSettings.EARLY_ARRIVAL_HOURS);
    Instant last =
        Instant.ofEpochMilli(rules.untilMillis() - 1).plusSeconds(3600L * settings.lateArrivalHours());
    try {
      EventFileLister lister =
          new EventFileLister(root.getFileSystem(spark.sparkContext().hadoopConfiguration()));
      EventFileLister.Listing listing =
          lister.list(root, settings.layout(), new EventFileLister.HourRange(first, last));
      if (listing.files().isEmpty()) {
        LOG.warn(
            "No event files under {} for hour folders {} to {}: the result will be empty",
            settings.eventsUri(),
            first,
            last);
      }
      return listing;
    } catch (FileNotFoundException e) {
      throw new ReengageException(
          "Cannot read --events " + settings.eventsUri() + ": it does not exist (check the path)", e);
    } catch (IOException | RuntimeException e) {
      throw new ReengageException(
          "Cannot list --events "
              + settings.eventsUri()
              + ": "
              + e.getClass().getSimpleName()
              + " "
              + e.getMessage()
              + " (check the location, credentials and network)",
          e);
    }
  }

  private void countEventTypes(Dataset<Row> windowed, SegmentSummary summary) {
    List<Row> byType =
        windowed.groupBy(col(EventColumns.EVENT_TYPE)).agg(count("*")).collectAsList();
    for (Row row : byType) {
      if (RuleParameters.DELIVERED.equals(row.getString(0))) {
        summary.deliveredEvents += row.getLong(1);
      } else {
        summary.engagementEvents += row.getLong(1);
      }
    }
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

  private void checkBadRecords(ReadCounts counts) {
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

  static long millisSince(long nanoStart) {
    return (System.nanoTime() - nanoStart) / 1_000_000;
  }
}
