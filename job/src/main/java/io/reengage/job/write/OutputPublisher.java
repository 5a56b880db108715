package io.reengage.job.write;

import io.reengage.job.common.Filesystems;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Keeps a run's output invisible until it is complete.
 *
 * <p>Everything is written under a staging folder {@code OUT/_staging-<id>/} first (the leading
 * underscore keeps readers and Pinpoint's import prefix {@code OUT/import/} away from it).
 * Publishing removes any earlier output of the same folder, moves the staged {@code import/} into
 * place and only then writes {@code summary.json}: a summary's presence means the import folder
 * beside it is whole. On a local or HDFS filesystem the move is one atomic rename; on S3 it is a
 * copy, and the summary written last is what readers (the orchestrator) wait for.
 */
public final class OutputPublisher {

  public static final String IMPORT_FOLDER = "import";
  public static final String SUMMARY_FILE = "summary.json";
  public static final String REPORT_FILE = "report.html";
  static final String STAGING_PREFIX = "_staging-";

  private final FileSystem fs;
  private final Path out;
  private final Path staging;

  private OutputPublisher(FileSystem fs, Path out, Path staging) {
    this.fs = fs;
    this.out = out;
    this.staging = staging;
  }

  /**
   * Creates the staging folder, which also proves early that the output location is writable.
   *
   * @throws IOException when the location cannot be written
   */
  public static OutputPublisher prepare(Path out, Configuration conf) throws IOException {
    FileSystem fs = Filesystems.forOutput(out, conf);
    Path qualified = fs.makeQualified(out);
    if (fs.exists(qualified) && fs.getFileStatus(qualified).isFile()) {
      throw new IOException("it is a file, not a folder");
    }
    Path staging = new Path(qualified, STAGING_PREFIX + UUID.randomUUID());
    if (!fs.mkdirs(staging)) {
      throw new IOException("cannot create " + staging);
    }
    return new OutputPublisher(fs, qualified, staging);
  }

  public Path out() {
    return out;
  }

  /** Where the CSV parts are written before publishing. */
  public Path stagingImport() {
    return new Path(staging, IMPORT_FOLDER);
  }

  public Path importFolder() {
    return new Path(out, IMPORT_FOLDER);
  }

  public Path reportFile() {
    return new Path(out, REPORT_FILE);
  }

  /** Writes the report into the staging folder; {@link #publish} moves it beside the summary. */
  public void stageReport(byte[] html) throws IOException {
    try (OutputStream o = fs.create(new Path(staging, REPORT_FILE), true)) {
      o.write(html);
    }
  }

  /** Moves the staged import folder and report into place and writes the summary last. */
  public void publish(byte[] summaryJson) throws IOException {
    Path summary = new Path(out, SUMMARY_FILE);
    Path finalImport = importFolder();
    // An earlier run's summary goes first: from here until the new summary lands, readers see no
    // summary and so never pair an old summary with new files (or the reverse).
    fs.delete(summary, false);
    fs.delete(finalImport, true);
    fs.delete(reportFile(), false);
    Path staged = stagingImport();
    if (fs.exists(staged) && !fs.rename(staged, finalImport)) {
      throw new IOException("cannot move " + staged + " to " + finalImport);
    }
    Path stagedReport = new Path(staging, REPORT_FILE);
    if (fs.exists(stagedReport) && !fs.rename(stagedReport, reportFile())) {
      throw new IOException("cannot move " + stagedReport + " to " + reportFile());
    }
    Path tmp = new Path(staging, SUMMARY_FILE);
    try (OutputStream o = fs.create(tmp, true)) {
      o.write(summaryJson);
    }
    if (!fs.rename(tmp, summary)) {
      throw new IOException("cannot move " + tmp + " to " + summary);
    }
    fs.delete(staging, true);
    // A run that was killed, or lost its storage, leaves its staging folder (with addresses in it)
    // behind; the next run that publishes removes it.
    for (FileStatus left : fs.listStatus(out)) {
      if (left.getPath().getName().startsWith(STAGING_PREFIX)) {
        fs.delete(left.getPath(), true);
      }
    }
  }

  /** Removes the staging folder after a failed run; nothing is published. */
  public void abandon() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      // Best effort: a left-over _staging folder is ignored by readers and removed by the next run
      // that publishes.
    }
  }
}
