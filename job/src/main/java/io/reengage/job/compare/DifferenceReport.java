package io.reengage.job.compare;

import io.reengage.contract.ImportCsv;
import io.reengage.job.common.Filesystems;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes differing rows to a CSV file for a person to inspect. Addresses go into this file only,
 * never into logs or the console. Rows are streamed to the file, not collected in memory.
 */
public final class DifferenceReport {

  /** The report's name when {@code --report} names a folder. */
  public static final String FILE_IN_FOLDER = "differences.csv";

  private DifferenceReport() {}

  /**
   * Where the report goes: a URI ending in {@code /} names a folder (on S3 as locally; S3 has no
   * folders to look at), and so does an existing directory; the report is then {@value
   * #FILE_IN_FOLDER} inside it. Any other URI is the report file itself.
   */
  public static String location(String uri, Configuration conf) throws IOException {
    if (uri.endsWith("/")) {
      return uri + FILE_IN_FOLDER;
    }
    Path path = Filesystems.path(uri);
    FileSystem fs = Filesystems.forOutput(path, conf);
    if (fs.exists(path) && fs.getFileStatus(path).isDirectory()) {
      return uri + "/" + FILE_IN_FOLDER;
    }
    return uri;
  }

  /** Writes {@code side,} followed by the seven import columns, one row per difference. */
  public static void write(Dataset<Row> differences, String uri, Configuration conf)
      throws IOException {
    Path path = Filesystems.path(uri);
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(
                Filesystems.forOutput(path, conf).create(path, true), StandardCharsets.UTF_8))) {
      w.write("side," + ImportCsv.HEADER + "\n");
      Iterator<Row> rows = differences.orderBy("id", "side").toLocalIterator();
      while (rows.hasNext()) {
        Row r = rows.next();
        StringBuilder line = new StringBuilder();
        ImportCsv.appendField(line, r.getAs("side"));
        for (String c : ImportRows.COLUMNS) {
          line.append(',');
          ImportCsv.appendField(line, r.getAs(c));
        }
        w.write(line.append('\n').toString());
      }
    }
  }
}
