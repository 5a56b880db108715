package io.reengage.job.compare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.udf;

import io.reengage.contract.ImportCsv;
import io.reengage.contract.ImportRowComparison;
import io.reengage.job.common.Filesystems;
import io.reengage.job.common.ReengageException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Reads Pinpoint import CSV output (a file, or a folder of parts) as rows of seven strings.
 *
 * <p>Accepts the job's own files and Athena's result files alike: Athena quotes every field and
 * writes NULL as an empty field, so quoting is undone and NULL and empty are read as the same empty
 * string. Only {@code *.csv} files are read (Athena's {@code .metadata} files and markers are
 * skipped).
 */
public final class ImportRows {

  /** The seven columns, in SPEC order, under names that need no quoting. */
  public static final List<String> COLUMNS =
      List.of(
          "channel_type",
          "id",
          "address",
          "max_delivered",
          "min_delivered",
          "last_engagement",
          "num_delivered");

  /**
   * The comparison's definitions, called from Spark: {@code compare} and {@code aws athena-check}
   * run the same code on each field and Id. Comparing outputs is no hot path, so a UDF costs
   * little.
   */
  private static final UserDefinedFunction NORMALISE =
      udf((UDF1<String, String>) ImportRowComparison::normalise, DataTypes.StringType)
          .asNonNullable();

  private static final UserDefinedFunction LEFT_OUT =
      udf((UDF1<String, Boolean>) ImportRowComparison::leftOut, DataTypes.BooleanType)
          .asNonNullable();

  private ImportRows() {}

  public static Dataset<Row> read(SparkSession spark, String uri, String role) {
    List<String> files = csvFiles(spark, uri, role);
    if (files.isEmpty()) {
      return emptyRows(spark);
    }
    Dataset<Row> raw =
        spark
            .read()
            .option("header", "true")
            .option("multiLine", "true")
            .option("quote", "\"")
            .option("escape", "\"")
            .option("ignoreLeadingWhiteSpace", "false")
            .option("ignoreTrailingWhiteSpace", "false")
            .option("mode", "FAILFAST")
            .option("enforceSchema", "false")
            .csv(files.toArray(new String[0]));
    List<String> header = Arrays.asList(raw.columns());
    List<String> expected = ImportCsv.HEADER_FIELDS;
    if (!header.equals(expected)) {
      throw new ReengageException(
          "Cannot compare --"
              + role
              + " "
              + uri
              + ": its header is "
              + header
              + ", not the Pinpoint import header (point it at a segment output's import/ folder or an Athena result CSV)");
    }
    List<Column> cols = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      // Athena writes NULL as an empty field; Spark reads both "" and empty as null or "": the
      // comparison's own normalisation makes them one.
      cols.add(NORMALISE.apply(col("`" + expected.get(i) + "`")).as(COLUMNS.get(i)));
    }
    return raw.select(cols.toArray(new Column[0]));
  }

  /**
   * Rows the comparison leaves out: their Id is one the job would never write (NULL, empty or white
   * space only). The same test as {@code aws athena-check}'s, {@link ImportRowComparison#leftOut}.
   */
  public static Dataset<Row> unusable(Dataset<Row> rows) {
    return rows.where(LEFT_OUT.apply(col("id")));
  }

  public static Dataset<Row> usable(Dataset<Row> rows) {
    return rows.where(not(LEFT_OUT.apply(col("id"))));
  }

  static Dataset<Row> emptyRows(SparkSession spark) {
    List<Column> cols = new ArrayList<>();
    for (String c : COLUMNS) {
      cols.add(lit("").as(c));
    }
    return spark.range(0).select(cols.toArray(new Column[0]));
  }

  private static List<String> csvFiles(SparkSession spark, String uri, String role) {
    Path path = Filesystems.path(uri);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus status = fs.getFileStatus(path);
      if (status.isFile()) {
        return List.of(status.getPath().toString());
      }
      List<String> files = new ArrayList<>();
      for (FileStatus child : fs.listStatus(path)) {
        String name = child.getPath().getName();
        if (child.isFile()
            && name.endsWith(".csv")
            && !name.startsWith("_")
            && !name.startsWith(".")) {
          files.add(child.getPath().toString());
        }
      }
      files.sort(null);
      return files;
    } catch (FileNotFoundException e) {
      throw new ReengageException(
          "Cannot read --" + role + " " + uri + ": it does not exist (check the path)", e);
    } catch (IOException e) {
      throw new ReengageException(
          "Cannot read --"
              + role
              + " "
              + uri
              + ": "
              + e.getMessage()
              + " (check the location and credentials)",
          e);
    }
  }
}
