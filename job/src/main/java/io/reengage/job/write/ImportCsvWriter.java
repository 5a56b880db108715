package io.reengage.job.write;

import static org.apache.spark.sql.functions.col;

import io.reengage.contract.ImportCsv;
import io.reengage.job.rules.UnengagedRules;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Writes the unengaged addresses as Pinpoint import CSV part files into a folder.
 *
 * <p>Rows are range-partitioned and sorted by address, so a rerun on the same events writes the
 * same bytes. Each task writes its own files with the header on top, and only when it has rows:
 * there are no empty files, no {@code _SUCCESS} and no checksum files (the folder is what Pinpoint
 * imports). A task rolls over to a new file after {@code maxFileBytes}, keeping every file far
 * below Pinpoint's 1 GB import limit.
 */
public final class ImportCsvWriter {

  /** One written file. */
  public record WrittenFile(String path, long bytes, long rows) implements Serializable {}

  /** Rough size of one row, used only to choose the number of tasks. */
  private static final long ESTIMATED_ROW_BYTES = 120;

  private final long maxFileBytes;

  public ImportCsvWriter(long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
  }

  /**
   * Writes {@code unengaged} (columns of {@link UnengagedRules#selectUnengaged}) under {@code
   * folder}.
   *
   * @param rowCount the number of rows, known to the caller, used to size the tasks
   */
  public List<WrittenFile> write(Dataset<Row> unengaged, long rowCount, String folder) {
    if (rowCount == 0) {
      return List.of();
    }
    int partitions =
        (int) Math.max(1, Math.min(10_000, rowCount * ESTIMATED_ROW_BYTES / maxFileBytes + 1));
    // One file's worth is sorted in one task; more are range-partitioned first (which costs a
    // sampling
    // pass), so that each file holds a contiguous, sorted run of addresses.
    Dataset<Row> ordered =
        partitions == 1
            ? unengaged.coalesce(1).sortWithinPartitions(col(UnengagedRules.ADDRESS))
            : unengaged
                .repartitionByRange(partitions, col(UnengagedRules.ADDRESS))
                .sortWithinPartitions(col(UnengagedRules.ADDRESS));
    JavaSparkContext jsc =
        JavaSparkContext.fromSparkContext(unengaged.sparkSession().sparkContext());
    Broadcast<SerializableConfiguration> conf =
        jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
    List<WrittenFile> files =
        ordered
            .javaRDD()
            .mapPartitionsWithIndex(new WritePartition(conf, folder, maxFileBytes), false)
            .collect();
    List<WrittenFile> sorted = new ArrayList<>(files);
    sorted.sort(java.util.Comparator.comparing(WrittenFile::path));
    return sorted;
  }

  private static final class WritePartition
      implements Function2<Integer, Iterator<Row>, Iterator<WrittenFile>> {
    private static final long serialVersionUID = 1L;
    private static final byte[] NEWLINE = {'\n'};
    private final Broadcast<SerializableConfiguration> conf;
    private final String folder;
    private final long maxFileBytes;

    WritePartition(Broadcast<SerializableConfiguration> conf, String folder, long maxFileBytes) {
      this.conf = conf;
      this.folder = folder;
      this.maxFileBytes = maxFileBytes;
    }

    @Override
    public Iterator<WrittenFile> call(Integer partition, Iterator<Row> rows) throws IOException {
      List<WrittenFile> written = new ArrayList<>();
      OutputStream out = null;
      Path path = null;
      long bytes = 0;
      long count = 0;
      int sequence = 0;
      try {
        while (rows.hasNext()) {
          Row row = rows.next();
          if (out != null && bytes >= maxFileBytes) {
            out.close();
            written.add(new WrittenFile(path.toString(), bytes, count));
            out = null;
          }
          if (out == null) {
            path = new Path(folder, String.format("part-%05d-%03d.csv", partition, sequence++));
            FileSystem fs =
                io.reengage.job.common.Filesystems.forOutput(path, conf.value().value());
            // Overwrite: a retried task replaces its own earlier attempt's file of the same name.
            out = fs.create(path, true);
            byte[] header = (ImportCsv.HEADER + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(header);
            bytes = header.length;
            count = 0;
          }
          byte[] line =
              ImportCsv.importRow(
                      row.getString(0),
                      row.getLong(1),
                      row.getLong(2),
                      row.isNullAt(3) ? null : row.getLong(3),
                      row.getLong(4))
                  .getBytes(StandardCharsets.UTF_8);
          out.write(line);
          out.write(NEWLINE);
          bytes += line.length + 1;
          count++;
        }
        if (out != null) {
          out.close();
          written.add(new WrittenFile(path.toString(), bytes, count));
          out = null;
        }
      } finally {
        if (out != null) {
          try {
            out.close();
          } catch (IOException | UncheckedIOException e) {
            // the task is failing already; the original error is the one to report
          }
        }
      }
      return written.iterator();
    }
  }
}
