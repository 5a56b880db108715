package io.reengage.job.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark's floor: the least work that reads the same files, with no Spark at all. A Jackson
 * streaming parser per file (root-level values, so NDJSON and concatenated records alike) pulls the
 * three fields and skips the rest; files are spread over one thread per core. No error recovery, no
 * rows, no rules: what the job's scan is measured against.
 *
 * <p>Usage: {@code BareParserFloor <events folder> [threads] [--job-reader]}; prints one JSON line.
 * With {@code --job-reader} the same loop uses the job's own {@link
 * io.reengage.job.read.EventFileReader} (splitter, parser, error handling) instead of the bare
 * parser: the difference to the floor is the reader's cost, the difference to the job is Spark's.
 */
public final class BareParserFloor {

  private static final JsonFactory JSON = new JsonFactory();

  private BareParserFloor() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int threads =
        args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    boolean jobReader = args.length > 2 && args[2].equals("--job-reader");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    }
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(
          pool.submit(
              () -> {
                long[] c = new long[3]; // bytes, records, counted events
                for (int i; (i = next.getAndIncrement()) < files.size(); ) {
                  Path f = files.get(i);
                  c[0] += Files.size(f);
                  if (jobReader) {
                    readWithJobReader(f, c);
                  } else {
                    readFile(f, c);
                  }
                }
                return c;
              }));
    }
    long bytes = 0;
    long records = 0;
    long events = 0;
    for (Future<long[]> r : results) {
      long[] c = r.get();
      bytes += c[0];
      records += c[1];
      events += c[2];
    }
    pool.shutdown();
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "{\"files\":%d,\"bytes\":%d,\"records\":%d,\"countedEvents\":%d,\"ms\":%d,\"mbPerSecond\":%.1f}%n",
        files.size(), bytes, records, events, ms, bytes / 1048576.0 / (ms / 1000.0));
  }

  private static final io.reengage.job.read.ReadFilter COUNTED =
      io.reengage.job.read.ReadFilter.allTimes(
          java.util.Set.of("_email.delivered", "_email.open", "_email.click"));

  /** One reader per thread, as a Spark task has. */
  private static final ThreadLocal<io.reengage.job.read.EventFileReader> JOB_READER =
      ThreadLocal.withInitial(() -> new io.reengage.job.read.EventFileReader(COUNTED));

  private static void readWithJobReader(Path file, long[] c) throws IOException {
    io.reengage.job.read.ReadCounts counts = new io.reengage.job.read.ReadCounts();
    JOB_READER.get().readAll(Files.newInputStream(file), counts, (type, ts, to, machine) -> {});
    c[1] += counts.records;
    c[2] += counts.events;
  }

  private static void readFile(Path file, long[] c) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
      try (JsonParser p = JSON.createParser(in)) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
          c[1]++;
          String type = null;
          long ts = 0;
          int recipients = 0;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("event_type".equals(name)) {
              type = p.getText();
            } else if ("arrival_timestamp".equals(name)) {
              ts = p.getLongValue();
            } else if ("facets".equals(name) && v == JsonToken.START_OBJECT) {
              recipients = destination(p, 0);
            } else {
              p.skipChildren();
            }
          }
          if (type != null
              && ts != 0
              && recipients >= 0
              && (type.equals("_email.delivered")
                  || type.equals("_email.open")
                  || type.equals("_email.click"))) {
            c[2]++;
          }
        }
      }
    }
  }

  private static final String[] PATH = {"email_channel", "mail_event", "mail", "destination"};

  /** Walks facets.email_channel.mail_event.mail.destination; returns the number of addresses. */
  private static int destination(JsonParser p, int level) throws IOException {
    int found = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (PATH[level].equals(name) && level == PATH.length - 1 && v == JsonToken.START_ARRAY) {
        while (p.nextToken() != JsonToken.END_ARRAY) {
          p.getText();
          found++;
        }
      } else if (PATH[level].equals(name) && v == JsonToken.START_OBJECT) {
        found += destination(p, level + 1);
      } else {
        p.skipChildren();
      }
    }
    return found;
  }
}
