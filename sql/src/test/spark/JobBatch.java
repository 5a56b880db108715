// Launched by the sql tests as a single-file source program (java -cp <job jar and Spark> JobBatch.java), so it
// can use the job's and Spark's classes directly while the test JVM, which holds Trino, never loads them.

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.job.read.EventColumns;
import io.reengage.job.read.EventFile;
import io.reengage.job.read.ReadFilter;
import io.reengage.job.read.SparkEventReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs several command lines one after another in one JVM, saving Spark's start-up and warm-up for every run
 * after the first (about 40 s down to 8 s on a busy 2-core machine).
 *
 * <p>Arguments: a file with one command line per line, arguments separated by tabs, and a file to which one
 * exit code per line is appended as each run ends. A command line is either
 * <ul>
 *   <li>a job command ({@code segment --events ...}), run through the job's own entry point
 *       {@code io.reengage.job.cli.Main.execute}, which parses, runs and stops its Spark session exactly as
 *       {@code main} does, only without {@code System.exit}; or</li>
 *   <li>{@code port EVENTS AS_OF UNTIL_MILLIS SQL_FILE OUT_FILE}: the Spark SQL port run on the job's parsed
 *       events of every file under EVENTS, with the query's windows and threshold, its rows written to OUT_FILE
 *       as JSON arrays, one per line (NULL as null); or</li>
 *   <li>{@code generate OUT AS_OF SEED ADDRESSES DAYS EVENTS_PER_DAY}: the event generator of the job's tools
 *       ({@code io.reengage.job.generate}) with its edge cases, one object per day where the buffer allows. It
 *       is called through its API, in this JVM, to save a process start per set.</li>
 * </ul>
 */
public final class JobBatch {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    List<String> runs = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    Path codes = Path.of(args[1]);
    for (int i = 0; i < runs.size(); i++) {
      String[] argv = runs.get(i).split("\t");
      System.out.println("=== run " + i + ": " + String.join(" ", argv));
      long start = System.nanoTime();
      int code;
      try {
        code =
            switch (argv[0]) {
              case "port" -> port(argv);
              case "generate" -> generate(argv);
              default -> io.reengage.job.cli.Main.execute(argv);
            };
      } catch (Exception | Error e) {
        e.printStackTrace(System.out);
        code = -1;
      }
      System.out.println("=== run " + i + " exit " + code + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
      System.out.flush();
      Files.writeString(codes, code + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    System.exit(0);
  }

  private static int port(String[] argv) throws IOException {
    Path events = Path.of(argv[1]);
    String sql =
        substitute(
            Files.readString(Path.of(argv[4]), StandardCharsets.UTF_8),
            Map.of(
                "as_of", argv[2],
                "until_epoch_millis", argv[3],
                "delivered_window_months", "10",
                "engagement_window_months", "6",
                "min_delivered_exclusive", "5"));
    List<EventFile> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(events)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        files.add(new EventFile(p.toUri().toString(), Files.size(p)));
      }
    }
    SparkSession spark =
        SparkSession.builder().appName("sql port").config("spark.sql.session.timeZone", "UTC").getOrCreate();
    try {
      ReadFilter everything = ReadFilter.allTimes(Set.of("_email.delivered", "_email.open", "_email.click"));
      SparkEventReader.read(spark, files, everything).events().createOrReplaceTempView("events");
      List<String> lines = new ArrayList<>();
      List<Row> rows = spark.sql(sql).collectAsList();
      for (Row row : rows) {
        List<Object> fields = new ArrayList<>();
        for (int i = 0; i < row.length(); i++) {
          fields.add(row.get(i));
        }
        lines.add(JSON.writeValueAsString(fields));
      }
      Files.write(Path.of(argv[5]), lines, StandardCharsets.UTF_8);
      System.out.println("port: " + rows.size() + " rows, columns " + String.join(",", spark.sql(sql).columns()));
      return 0;
    } finally {
      spark.stop();
    }
  }

  private static int generate(String[] argv) throws IOException {
    io.reengage.job.generate.GeneratorSettings settings =
        io.reengage.job.generate.GeneratorSettings.builder(java.time.LocalDate.parse(argv[2]))
            .seed(Long.parseLong(argv[3]))
            .addresses(Integer.parseInt(argv[4]))
            .days(Integer.parseInt(argv[5]))
            .eventsPerDay(Integer.parseInt(argv[6]))
            .edgeCases(true)
            // Few, larger objects: the job's cost here is per file, and realism in file count is not the point.
            .bufferSeconds(86_400)
            .build();
    System.out.println(new io.reengage.job.generate.EventGenerator(settings).generate(Path.of(argv[1])).toJson());
    return 0;
  }

  /** Replaces each ${name}; a placeholder without a value is an error, never left in the text. */
  private static String substitute(String text, Map<String, String> values) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([a-z_]+)}").matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("No value for placeholder ${" + m.group(1) + "}");
      }
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
