package io.reengage.job.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reengage generate}: parses and validates the options, runs {@link EventGenerator}, prints
 * progress on stderr and a one-line JSON summary on stdout. Exit 0 on success, 2 for invalid
 * options, 1 when writing fails; errors are one line on stderr.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Writes synthetic Pinpoint or SES email events in Firehose's S3 layout: deterministic for a seed, about "
          + "1.3 KB (Pinpoint) or 1.6 KB (SES) a record, every email event type, multi-recipient messages, "
          + "Firehose duplicates, late arrivals, newline-delimited, concatenated and gzip objects.",
      "Messages are sent on the --days days before --as-of and on the --days-after days from it on; the data is "
          + "what the bucket holds at the start of day as-of + days-after.",
      "Prints progress on stderr and a JSON summary (counts only) on stdout."
    })
public final class GenerateCommand implements Callable<Integer> {

  static final int EXIT_INVALID = 2;
  static final int EXIT_FAILED = 1;

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "URI",
      description =
          "Output folder: a local path, file:, s3a:// or s3://. Must be empty or absent (see --replace).")
  String out;

  @Option(
      names = "--addresses",
      paramLabel = "N",
      defaultValue = "" + GeneratorSettings.ADDRESSES_DEFAULT,
      description = "Size of the recipient address pool (default: ${DEFAULT-VALUE}).")
  int addresses;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "" + GeneratorSettings.DAYS_DEFAULT,
      description = "Days of sending before --as-of (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--days-after",
      paramLabel = "N",
      defaultValue = "" + GeneratorSettings.DAYS_AFTER_DEFAULT,
      description =
          "Days of sending from --as-of on, so that data exists at and after the job's default until, "
              + "the start of as-of + 1; 0 ends the data the day before as-of (default: ${DEFAULT-VALUE}).")
  int daysAfter;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "The as-of date the data is built around, UTC (default: today).")
  String asOf;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "" + GeneratorSettings.SEED_DEFAULT,
      description =
          "Seed; the same seed and options write the same bytes (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--events-per-day",
      paramLabel = "N",
      defaultValue = "" + GeneratorSettings.EVENTS_PER_DAY_DEFAULT,
      description =
          "Average events a day, before duplicates; weekdays get more, weekends less "
              + "(default: ${DEFAULT-VALUE}).")
  int eventsPerDay;

  @Option(
      names = "--recipients-max",
      paramLabel = "N",
      defaultValue = "" + GeneratorSettings.RECIPIENTS_MAX_DEFAULT,
      description =
          "Most recipients in one transactional message; 80%% of those have one, and campaign and "
              + "journey messages always have one, as Pinpoint sends them per endpoint (default: ${DEFAULT-VALUE}).")
  int recipientsMax;

  @Option(
      names = "--open-rate",
      paramLabel = "F",
      defaultValue = "" + GeneratorSettings.OPEN_RATE_DEFAULT,
      description =
          "Share of deliveries opened at least once, over the pool and the whole period; per address "
              + "it varies with an engagement profile (never, lapsed, occasional, active) (default: ${DEFAULT-VALUE}).")
  double openRate;

  @Option(
      names = "--click-rate",
      paramLabel = "F",
      defaultValue = "" + GeneratorSettings.CLICK_RATE_DEFAULT,
      description = "Share of opened deliveries that are also clicked (default: ${DEFAULT-VALUE}).")
  double clickRate;

  @Option(
      names = "--duplicate-rate",
      paramLabel = "F",
      defaultValue = "" + GeneratorSettings.DUPLICATE_RATE_DEFAULT,
      description =
          "Share of records Firehose writes twice, in the same or a later object "
              + "(default: ${DEFAULT-VALUE}).")
  double duplicateRate;

  @Option(
      names = "--late-rate",
      paramLabel = "F",
      defaultValue = "" + GeneratorSettings.LATE_RATE_DEFAULT,
      description =
          "Share of records that reach Firehose 10 minutes to 8 hours after arrival_timestamp, "
              + "in later hour and day folders (default: ${DEFAULT-VALUE}).")
  double lateRate;

  @Option(
      names = "--format-mix",
      paramLabel = "MIX",
      defaultValue = FormatMix.DEFAULT_TEXT,
      description =
          "Object format weights; gzip objects hold ndjson or concatenated records in the ratio of "
              + "those two (default: ${DEFAULT-VALUE}).")
  String formatMix;

  @Option(
      names = "--stream-name",
      paramLabel = "NAME",
      defaultValue = GeneratorSettings.STREAM_NAME_DEFAULT,
      description = "Firehose delivery stream name in object names (default: ${DEFAULT-VALUE}).")
  String streamName;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      defaultValue = "firehose",
      description =
          "firehose: YYYY/MM/DD/HH/<stream>-1-YYYY-MM-DD-HH-MM-SS-<random>[.gz]; "
              + "hive: year=YYYY/month=MM/day=DD/hour=HH/...; flat: all objects in the folder "
              + "(default: ${DEFAULT-VALUE}).")
  String layout;

  @Option(
      names = "--edge-cases",
      description =
          "Add the SPEC.md boundary events (window starts, until, DISTINCT duplicates, array quirks, "
              + "unusable and unusual addresses) on addresses @edge.example.com, and CRLF and byte-order-mark objects.")
  boolean edgeCases;

  @Option(
      names = "--delivered-window-months",
      paramLabel = "N",
      defaultValue = "" + GeneratorSettings.DELIVERED_WINDOW_MONTHS_DEFAULT,
      description = "Delivered window the edge cases are placed for (default: ${DEFAULT-VALUE}).")
  int deliveredWindowMonths;

  @Option(
      names = "--engagement-window-months",
      paramLabel = "N",
      defaultValue = "" + GeneratorSettings.ENGAGEMENT_WINDOW_MONTHS_DEFAULT,
      description = "Engagement window the edge cases are placed for (default: ${DEFAULT-VALUE}).")
  int engagementWindowMonths;

  @Option(
      names = "--buffer-seconds",
      paramLabel = "N",
      defaultValue = "" + GeneratorSettings.BUFFER_SECONDS_DEFAULT,
      description =
          "Firehose buffer interval: an object spans at most this much arrival time. Firehose allows up "
              + "to 900; larger values (up to 86400) make fewer, bigger files for tests (default: ${DEFAULT-VALUE}).")
  int bufferSeconds;

  @Option(
      names = "--buffer-mb",
      paramLabel = "N",
      defaultValue = "" + GeneratorSettings.BUFFER_MB_DEFAULT,
      description = "Firehose buffer size in MiB, before compression (default: ${DEFAULT-VALUE}).")
  int bufferMb;

  @Option(
      names = "--source",
      paramLabel = "SOURCE",
      defaultValue = "pinpoint",
      description =
          "pinpoint: Pinpoint event-stream records; ses: SES event-publishing records (eventType, mail, "
              + "delivery/open/click objects with ISO-8601 times; a multi-recipient message gets one Delivery per "
              + "recipient domain, its delivery.recipients a subset of mail.destination); mixed: messages sent "
              + "before --switch-date are Pinpoint's, later ones SES's (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(
      names = "--switch-date",
      paramLabel = "YYYY-MM-DD",
      description =
          "With --source mixed: the first UTC day whose messages are sent with SES; a message's opens and "
              + "clicks keep its source (default: "
              + GeneratorSettings.SWITCH_MONTHS_BEFORE_AS_OF_DEFAULT
              + " months before --as-of).")
  String switchDate;

  @Option(
      names = "--machine-open-share",
      paramLabel = "F",
      defaultValue = "" + GeneratorSettings.MACHINE_OPEN_SHARE_DEFAULT,
      description =
          "Share of opens that are machine opens (user agent exactly Mozilla/5.0, or SES isBotEvent "
              + "\"Likely\"): 80%% Apple-proxy-like from the generated IP list, 10%% Mozilla/5.0 from outside "
              + "it, 10%% bot-flagged (SES; Pinpoint records get Apple-like instead). Above 0, the list is "
              + "written to <out>/"
              + ProxyIpList.FILE_NAME
              + " in Apple's egress-list format (prefix,country,region,city,), and edge cases gain "
              + "machine-open stories (default: ${DEFAULT-VALUE}).")
  double machineOpenShare;

  @Option(
      names = "--machine-open-ranges",
      paramLabel = "N",
      defaultValue = "" + GeneratorSettings.MACHINE_OPEN_RANGES_DEFAULT,
      description =
          "CIDR ranges in the generated proxy IP list, 3 of 4 IPv4, up to "
              + GeneratorSettings.MACHINE_OPEN_RANGES_LIMIT
              + " (default: ${DEFAULT-VALUE}).")
  int machineOpenRanges;

  @Option(
      names = "--mail-per-day-factor",
      paramLabel = "N",
      defaultValue = "" + GeneratorSettings.MAIL_PER_DAY_FACTOR_DEFAULT,
      description =
          "Multiplies the mail sent each day (--events-per-day x N) over the same addresses and days: more "
              + "mail per address per day, for scaling benchmarks (default: ${DEFAULT-VALUE}).")
  int mailPerDayFactor;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Writer threads; the output does not depend on it (default: number of processors).")
  Integer threads;

  @Option(names = "--replace", description = "Delete the output folder first if it is not empty.")
  boolean replace;

  @Option(
      names = "--hadoop-conf",
      paramLabel = "KEY=VALUE",
      description =
          "Hadoop setting for the output file system, e.g. fs.s3a.endpoint=http://127.0.0.1:9090; "
              + "repeatable. spark.hadoop.* system properties apply too.")
  Map<String, String> hadoopConf = new java.util.LinkedHashMap<>();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    GeneratorSettings settings;
    URI target;
    EventGenerator generator;
    try {
      settings = settings();
      target = toUri(out);
      generator = new EventGenerator(settings);
      if (threads != null) {
        generator.threads(threads);
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.flush();
      return EXIT_INVALID;
    }
    if (replace) {
      generator.replaceExisting();
    }
    generator.progress(
        (records, bytes, millis) -> {
          double seconds = Math.max(0.001, millis / 1000.0);
          err.printf(
              Locale.ROOT,
              "generate: %,d records, %,.1f MB, %,.0f records/s%n",
              records,
              bytes / 1e6,
              records / seconds);
          err.flush();
        });
    try {
      // Local folders need no Hadoop configuration, whose loading alone takes about a second.
      GenerationResult result =
          "file".equals(target.getScheme())
              ? generator.generate(Paths.get(target))
              : generator.generate(target, hadoopConfiguration());
      stdout.println(result.toJson());
      stdout.flush();
      err.printf(
          Locale.ROOT,
          "generate: wrote %,d records (%,d events) in %,d files, %,.1f MB, in %.1f s%n",
          result.records(),
          result.events(),
          result.files(),
          result.bytes() / 1e6,
          result.elapsedMillis() / 1000.0);
      err.flush();
      return 0;
    } catch (IOException e) {
      err.println(e.getMessage());
      err.flush();
      return EXIT_FAILED;
    } catch (RuntimeException e) {
      // Hadoop reports some setup problems (unknown scheme, bad credentials provider) unchecked.
      err.println(
          "Cannot generate into "
              + target
              + ": "
              + e.getClass().getSimpleName()
              + " "
              + e.getMessage());
      err.flush();
      return EXIT_FAILED;
    }
  }

  GeneratorSettings settings() {
    if (switchDate != null && EventSource.parse(source) != EventSource.MIXED) {
      throw new IllegalArgumentException(
          "Invalid --switch-date: " + switchDate + " (it only applies with --source mixed)");
    }
    return GeneratorSettings.builder(parseAsOf())
        .addresses(addresses)
        .days(days)
        .daysAfter(daysAfter)
        .seed(seed)
        .eventsPerDay(eventsPerDay)
        .recipientsMax(recipientsMax)
        .openRate(openRate)
        .clickRate(clickRate)
        .duplicateRate(duplicateRate)
        .lateRate(lateRate)
        .formatMix(FormatMix.parse(formatMix))
        .streamName(streamName)
        .layout(Layout.parse(layout))
        .edgeCases(edgeCases)
        .deliveredWindowMonths(deliveredWindowMonths)
        .engagementWindowMonths(engagementWindowMonths)
        .bufferSeconds(bufferSeconds)
        .bufferMb(bufferMb)
        .source(EventSource.parse(source))
        .switchDate(switchDate == null ? null : parseDay("--switch-date", switchDate))
        .machineOpenShare(machineOpenShare)
        .machineOpenRanges(machineOpenRanges)
        .mailPerDayFactor(mailPerDayFactor)
        .build();
  }

  private static LocalDate parseDay(String option, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Invalid " + option + ": " + text + " (expected YYYY-MM-DD, e.g. 2026-05-01)");
    }
  }

  private LocalDate parseAsOf() {
    if (asOf == null) {
      return LocalDate.now(ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(asOf.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Invalid --as-of: " + asOf + " (expected YYYY-MM-DD, e.g. 2026-08-31)");
    }
  }

  /** A URI with a scheme is taken as it is; anything else is a local path. */
  static URI toUri(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Invalid --out: empty (give a folder path or URI)");
    }
    String s = text.strip();
    if (s.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
      try {
        URI uri = new URI(s);
        if (uri.getScheme() != null && !uri.isOpaque()) {
          return uri;
        }
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("Invalid --out: " + s + " (" + e.getReason() + ")");
      }
    }
    return Paths.get(s).toAbsolutePath().normalize().toUri();
  }

  private Configuration hadoopConfiguration() {
    Configuration conf = new Configuration();
    // The same settings Spark would pass to Hadoop, so one set of spark.hadoop.* options serves
    // every command.
    List<String> names = new ArrayList<>(System.getProperties().stringPropertyNames());
    for (String name : names) {
      if (name.startsWith("spark.hadoop.")) {
        conf.set(name.substring("spark.hadoop.".length()), System.getProperty(name));
      }
    }
    hadoopConf.forEach(conf::set);
    return conf;
  }
}
