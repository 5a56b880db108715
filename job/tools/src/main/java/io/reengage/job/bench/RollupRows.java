package io.reengage.job.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How many rollup rows a daily {@code segment --rollups} combines: the rows of the compacted months
 * from {@code from}'s month on, plus the rows of the day rollups from {@code from} on that no
 * compacted month covers. Counted from the Parquet footers (DuckDB reads only those). The partial
 * first month is counted whole, so this is an upper bound by at most one month's rows.
 *
 * <p>Usage: {@code RollupRows <rollups folder> <from YYYY-MM-DD>}; prints one JSON line.
 */
public final class RollupRows {

  private RollupRows() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    LocalDate from = LocalDate.parse(args[1]);
    List<Path> files = new ArrayList<>();
    Set<YearMonth> months = new HashSet<>();
    int monthFolders = 0;
    int dayFolders = 0;
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.sorted().toList()) {
        String name = folder.getFileName().toString();
        if (name.startsWith("month=")) {
          YearMonth month = YearMonth.parse(name.substring("month=".length()));
          if (!month.isBefore(YearMonth.from(from))) {
            months.add(month);
            files.addAll(parquet(folder));
            monthFolders++;
          }
        }
      }
    }
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.sorted().toList()) {
        String name = folder.getFileName().toString();
        if (name.startsWith("day=")) {
          LocalDate day = LocalDate.parse(name.substring("day=".length()));
          if (!day.isBefore(from) && !months.contains(YearMonth.from(day))) {
            files.addAll(parquet(folder));
            dayFolders++;
          }
        }
      }
    }
    System.out.printf(
        "{\"rollupRows\":%d,\"monthFolders\":%d,\"dayFolders\":%d}%n",
        count(files), monthFolders, dayFolders);
  }

  private static List<Path> parquet(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
    }
  }

  private static long count(List<Path> files) throws SQLException {
    if (files.isEmpty()) {
      return 0;
    }
    StringBuilder list = new StringBuilder("[");
    for (Path file : files) {
      list.append(list.length() > 1 ? ", " : "").append(DuckDbRules.literal(file.toString()));
    }
    list.append(']');
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT sum(num_rows) FROM (SELECT DISTINCT file_name, row_group_id, row_group_num_rows"
                    + " AS num_rows FROM parquet_metadata("
                    + list
                    + "))")) {
      result.next();
      return result.getLong(1);
    }
  }
}
