package io.reengage.job.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.SparkTestSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCsvWriterTest {

  static final StructType SCHEMA =
      new StructType()
          .add("emailaddress", DataTypes.StringType)
          .add("max_delivered_timestamp", DataTypes.LongType)
          .add("min_delivered_timestamp", DataTypes.LongType)
          .add("last_engagement", DataTypes.LongType)
          .add("num_delivered", DataTypes.LongType);

  @TempDir Path tmp;

  Dataset<Row> rows(List<Row> rows) {
    return SparkTestSession.get().createDataFrame(rows, SCHEMA);
  }

  @Test
  void writesQuotedRowsUnderOneHeaderPerFile_andNothingElse() throws Exception {
    List<Row> input =
        List.of(
            RowFactory.create("\"smith,john\"@example.com", 20L, 10L, null, 6L),
            RowFactory.create("zoë@example.org", 21L, 11L, null, 7L),
            RowFactory.create("plain@example.com", 22L, 12L, null, 8L));
    new ImportCsvWriter(1 << 20).write(rows(input), 3, tmp.resolve("import").toString());
    assertThat(ImportFolder.fileNames(tmp.resolve("import"))).containsExactly("part-00000-000.csv");
    assertThat(Files.readString(tmp.resolve("import/part-00000-000.csv"), StandardCharsets.UTF_8))
        .isEqualTo(
            ImportFolder.HEADER
                + "\n"
                + "EMAIL,\"\"\"smith,john\"\"@example.com\",\"\"\"smith,john\"\"@example.com\",20,10,,6\n"
                + "EMAIL,plain@example.com,plain@example.com,22,12,,8\n"
                + "EMAIL,zoë@example.org,zoë@example.org,21,11,,7\n");
  }

  @Test
  void rollsOverToNewFilesAtTheSizeLimit_eachWithAHeader() throws Exception {
    List<Row> input = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      input.add(RowFactory.create(String.format("user%04d@example.com", i), 2L, 1L, null, 6L));
    }
    List<ImportCsvWriter.WrittenFile> files =
        new ImportCsvWriter(4096).write(rows(input), 500, tmp.resolve("import").toString());
    assertThat(files.size()).isGreaterThan(5);
    assertThat(files.stream().mapToLong(ImportCsvWriter.WrittenFile::rows).sum()).isEqualTo(500);
    assertThat(files).allMatch(f -> f.bytes() < 4096 + 200);
    assertThat(ImportFolder.sortedRows(tmp.resolve("import"))).hasSize(500).doesNotHaveDuplicates();
    assertThat(ImportFolder.fileNames(tmp.resolve("import"))).allMatch(n -> n.endsWith(".csv"));
  }

  @Test
  void zeroRows_writeNoFiles() {
    assertThat(
            new ImportCsvWriter(4096).write(rows(List.of()), 0, tmp.resolve("import").toString()))
        .isEmpty();
    assertThat(tmp.resolve("import")).doesNotExist();
  }
}
