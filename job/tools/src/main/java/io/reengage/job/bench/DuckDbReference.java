package io.reengage.job.bench;

import io.reengage.contract.ImportCsv;
import io.reengage.contract.UnusableAddress;
import io.reengage.job.rules.RuleParameters;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs {@link DuckDbRules} in an in-process DuckDB over an events folder and writes the job's
 * import CSV, so that {@code reengage compare} can check it against the job's output row for row.
 *
 * <p>Usage: {@code DuckDbReference <events folder> <as-of> <out folder> [--until MILLIS] [--records
 * ndjson|concatenated] [--memory-limit 2GB] [--threads N]}. Writes {@code
 * <out>/import/part-00000.csv} and prints one JSON line with the counts and {@code jobMs} (from
 * opening DuckDB to the file written). The default {@code --until} is the job's: the start of the
 * day after the as-of date. The default memory limit matches the job's 2 GB heap in the benchmark;
 * DuckDB spills to {@code <out>/duckdb-tmp} beyond it.
 */
public final class DuckDbReference {

  /** What one run wrote. */
  public record Outcome(long unengaged, long droppedAddresses, long jobMs) {}

  private DuckDbReference() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "Usage: DuckDbReference <events folder> <as-of YYYY-MM-DD> <out folder> [--until MILLIS]"
              + " [--records ndjson|concatenated] [--memory-limit 2GB] [--threads N]");
      System.exit(2);
    }
    LocalDate asOf = LocalDate.parse(args[1]);
    long until = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    DuckDbRules.Records records = DuckDbRules.Records.NEWLINE_DELIMITED;
    String memoryLimit = "2GB";
    int threads = Runtime.getRuntime().availableProcessors();
    for (int i = 3; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--until" -> until = Long.parseLong(args[i + 1]);
        case "--records" ->
            records =
                args[i + 1].equals("concatenated")
                    ? DuckDbRules.Records.CONCATENATED
                    : DuckDbRules.Records.NEWLINE_DELIMITED;
        case "--memory-limit" -> memoryLimit = args[i + 1];
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
      }
    }
    Outcome outcome =
        run(
            args[0],
            RuleParameters.defaults(asOf, until),
            records,
            Path.of(args[2]),
            memoryLimit,
            threads);
    System.out.printf(
        "{\"unengaged\":%d,\"droppedAddresses\":%d,\"jobMs\":%d}%n",
        outcome.unengaged(), outcome.droppedAddresses(), outcome.jobMs());
  }

  /** Runs the rules over {@code eventsFolder} and writes {@code out/import/part-00000.csv}. */
  public static Outcome run(
      String eventsFolder,
      RuleParameters p,
      DuckDbRules.Records records,
      Path out,
      String memoryLimit,
      int threads)
      throws SQLException, IOException {
    long start = System.nanoTime();
    Path importFolder = out.resolve("import");
    Path spill = out.resolve("duckdb-tmp");
    Files.createDirectories(importFolder);
    long rows = 0;
    long dropped = 0;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + threads);
      statement.execute("SET memory_limit = " + DuckDbRules.literal(memoryLimit));
      statement.execute("SET temp_directory = " + DuckDbRules.literal(spill.toString()));
      // Row order carries no meaning in the import file; this lets DuckDB stream and spill freely.
      statement.execute("SET preserve_insertion_order = false");
      String query = DuckDbRules.unengagedQuery(DuckDbRules.firehoseGlob(eventsFolder), records, p);
      try (ResultSet result = statement.executeQuery(query);
          BufferedWriter writer =
              Files.newBufferedWriter(
                  importFolder.resolve("part-00000.csv"), StandardCharsets.UTF_8)) {
        writer.write(ImportCsv.HEADER);
        writer.write('\n');
        while (result.next()) {
          String address = result.getString(1);
          if (UnusableAddress.test(address)) {
            dropped++;
            continue;
          }
          writer.write(
              ImportCsv.importRow(
                  address, result.getLong(2), result.getLong(3), null, result.getLong(4)));
          writer.write('\n');
          rows++;
        }
      }
    } finally {
      deleteRecursively(spill);
    }
    return new Outcome(rows, dropped, (System.nanoTime() - start) / 1_000_000);
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
