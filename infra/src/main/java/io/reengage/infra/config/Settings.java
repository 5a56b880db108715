package io.reengage.infra.config;

import static io.reengage.infra.config.ContextKeys.*;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything a deployment can choose, resolved from CDK context with defaults that reproduce the
 * original query. Each group is handed only to the construct that needs it.
 */
public record Settings(
    String stackName,
    Events events,
    Pinpoint pinpoint,
    Rules rules,
    Schedule schedule,
    Catalog catalog,
    Emr emr,
    Retention retention,
    Runs runs,
    Delivery delivery,
    SesCapture ses,
    JobOptions jobOptions,
    Artifacts artifacts) {

  private static final Pattern KINESIS_ARN =
      Pattern.compile("arn:aws[a-z-]*:kinesis:[a-z0-9-]+:\\d{12}:stream/[A-Za-z0-9_.-]+");
  private static final Pattern FIREHOSE_ARN_PATTERN =
      Pattern.compile("arn:aws[a-z-]*:firehose:[a-z0-9-]+:\\d{12}:deliverystream/[A-Za-z0-9_.-]+");
  private static final Pattern KMS_ARN =
      Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+");
  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9!_.*'()=-]+/)*");
  private static final Pattern PROJECT_ID = Pattern.compile("[a-z0-9]{32}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 _.-]{1,64}");
  private static final Pattern STACK = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");
  private static final Pattern GLUE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,127}");
  private static final Pattern SCHEDULE_EXPRESSION = Pattern.compile("(cron|rate|at)\\(.+\\)");
  private static final Pattern HOUR_FOLDER = Pattern.compile("\\d{4}/\\d{2}/\\d{2}/\\d{2}");
  private static final Pattern RELEASE = Pattern.compile("emr-\\d+\\.\\d+\\.\\d+");
  private static final Pattern ARCHITECTURE = Pattern.compile("X86_64|ARM64");
  private static final Pattern CPU = Pattern.compile("[1-9]\\d* vCPU");
  private static final Pattern GB = Pattern.compile("[1-9]\\d* GB");
  private static final Pattern DESTINATION_NAME = Pattern.compile("eventbridge|pinpoint");
  private static final Pattern BUS_NAME = Pattern.compile("[A-Za-z0-9._-]{1,256}");
  private static final Pattern BUS_ARN =
      Pattern.compile("arn:aws[a-z-]*:events:[a-z0-9-]+:\\d{12}:event-bus/[A-Za-z0-9._-]{1,256}");
  private static final Pattern CONFIGURATION_SET = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern S3_FOLDER =
      Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/([A-Za-z0-9!_.*()=-]+/)*");
  private static final Pattern S3_OBJECT =
      Pattern.compile(
          "s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/[A-Za-z0-9!_.*()=/-]*[A-Za-z0-9!_.*()=-]");
  private static final Pattern MACHINE_OPENS_MODE = Pattern.compile("count|ignore");

  /** Where the email events come from and land. */
  public record Events(
      Optional<String> existingBucket,
      String prefix,
      Optional<String> kmsKeyArn,
      Optional<String> existingKinesisStreamArn,
      Optional<String> existingFirehoseArn,
      int kinesisShards,
      int firehoseBufferMb,
      int firehoseBufferSeconds,
      boolean firehoseAppendNewline,
      boolean directPut) {

    /** True when this stack creates the Firehose (and so decides the layout and the delimiter). */
    public boolean createsFirehose() {
      return existingFirehoseArn.isEmpty();
    }

    /**
     * True when this stack creates the Kinesis stream in front of its Firehose. A Firehose that SES
     * writes to takes records directly (DirectPut) and has no stream in front.
     */
    public boolean createsKinesisStream() {
      return existingFirehoseArn.isEmpty() && existingKinesisStreamArn.isEmpty() && !directPut;
    }
  }

  /** The existing Pinpoint project (if any), its event stream and the imported segment. */
  public record Pinpoint(
      Optional<String> existingProjectId, boolean createEventStream, String segmentName) {}

  /**
   * Where a run's result goes unless its input says otherwise, and the bus the segment event goes
   * to (existing, or one the stack creates).
   */
  public record Delivery(String destination, Optional<String> existingEventBus) {

    public static final String EVENTBRIDGE = "eventbridge";
    public static final String PINPOINT = "pinpoint";
  }

  /** SES event publishing into the stack's Firehose; off unless enabled. */
  public record SesCapture(boolean enabled, Optional<String> existingConfigurationSet) {}

  /** Job options every run passes unless its input says otherwise. */
  public record JobOptions(
      List<String> extraEventsUris, String machineOpens, Optional<String> machineOpenIpsUri) {}

  /** The rules of SPEC.md that a deployment may tune. */
  public record Rules(int deliveredWindowMonths, int engagementWindowMonths, int minDelivered) {

    /** True when windows and threshold are those of the original query. */
    public boolean equalsQueryWindows() {
      return deliveredWindowMonths == DELIVERED_WINDOW_MONTHS_DEFAULT
          && engagementWindowMonths == ENGAGEMENT_WINDOW_MONTHS_DEFAULT
          && minDelivered == MIN_DELIVERED_DEFAULT;
    }
  }

  /** When the daily run starts. */
  public record Schedule(String expression, String timezone, boolean enabled) {}

  /** Glue table and Athena workgroup, and whether runs use them for the cross-check. */
  public record Catalog(
      boolean crossCheck, String database, String table, String projectionStart, int maxScanGb) {}

  /** The EMR Serverless application. */
  public record Emr(
      String releaseLabel,
      String architecture,
      String maxCpu,
      String maxMemory,
      String maxDisk,
      int idleTimeoutMinutes) {}

  /** How long logs and outputs are kept and what happens to buckets on teardown. */
  public record Retention(int logDays, int outputDays, boolean retainData) {}

  /** How each workflow run drives the job and the import. */
  public record Runs(
      int jobTimeoutMinutes, int importTimeoutSeconds, String sparkConf, boolean useRollups) {}

  /** Files built elsewhere in the repository that the stack deploys. */
  public record Artifacts(Path jobJar, Path lambdaJar, Path stateMachineFile) {}

  /**
   * The events prefix; empty or "/" stands for the bucket root, where Firehose writes by default.
   */
  private static String eventsPrefix(ContextReader ctx) {
    String prefix = ctx.stringOrEmpty(EVENTS_PREFIX, EVENTS_PREFIX_DEFAULT);
    if (prefix.equals("/")) {
      return "";
    }
    if (!PREFIX.matcher(prefix).matches()) {
      throw ContextReader.invalid(
          EVENTS_PREFIX,
          prefix,
          "a key prefix ending in '/', without a leading '/', such as events/ (empty or / for the bucket root)");
    }
    return prefix;
  }

  /**
   * Resolves every setting.
   *
   * @param lookup returns the raw context value for a key, or null
   * @param repoRoot folder that relative artifact paths are resolved against
   * @throws InvalidSettingException on the first value that cannot be used
   */
  public static Settings fromContext(Function<String, Object> lookup, Path repoRoot) {
    ContextReader ctx = new ContextReader(lookup);

    Optional<String> kinesisArn =
        ctx.optionalMatching(
            KINESIS_STREAM_ARN,
            KINESIS_ARN,
            "a Kinesis stream ARN, arn:aws:kinesis:REGION:ACCOUNT:stream/NAME");
    Optional<String> firehoseArn =
        ctx.optionalMatching(
            FIREHOSE_ARN,
            FIREHOSE_ARN_PATTERN,
            "a Firehose ARN, arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME");
    Optional<String> eventsBucket =
        ctx.optionalMatching(
            EVENTS_BUCKET,
            BUCKET_NAME,
            "an S3 bucket name (lower case, 3-63 characters, no s3://)");
    boolean sesEnabled = ctx.bool(SES_EVENTS, SES_EVENTS_DEFAULT);
    if (sesEnabled && kinesisArn.isPresent()) {
      throw new InvalidSettingException(
          String.format(
              "Cannot use %s=true with %s: SES puts its events into a Firehose directly, and a Firehose"
                  + " that reads a Kinesis stream refuses direct puts (remove %s to let the stack"
                  + " create a Firehose that both can write to, or give -c %s of a Direct PUT Firehose)",
              SES_EVENTS, KINESIS_STREAM_ARN, KINESIS_STREAM_ARN, FIREHOSE_ARN));
    }
    if (kinesisArn.isPresent() && firehoseArn.isPresent()) {
      throw new InvalidSettingException(
          String.format(
              "Cannot use both %s and %s: give the Firehose if it already delivers to S3, else the Kinesis stream"
                  + " (remove one of the -c values)",
              KINESIS_STREAM_ARN, FIREHOSE_ARN));
    }
    if (firehoseArn.isPresent() && eventsBucket.isEmpty()) {
      throw new InvalidSettingException(
          String.format(
              "Cannot use an existing Firehose without %s: the job must read the bucket that Firehose writes to"
                  + " (add -c %s=BUCKET and -c %s=PREFIX/)",
              EVENTS_BUCKET, EVENTS_BUCKET, EVENTS_PREFIX));
    }
    Events events =
        new Events(
            eventsBucket,
            eventsPrefix(ctx),
            ctx.optionalMatching(
                EVENTS_KMS_KEY_ARN, KMS_ARN, "a KMS key ARN, arn:aws:kms:REGION:ACCOUNT:key/ID"),
            kinesisArn,
            firehoseArn,
            ctx.integer(KINESIS_SHARDS, KINESIS_SHARDS_DEFAULT, 1, 500),
            ctx.integer(FIREHOSE_BUFFER_MB, FIREHOSE_BUFFER_MB_DEFAULT, 1, 128),
            ctx.integer(FIREHOSE_BUFFER_SECONDS, FIREHOSE_BUFFER_SECONDS_DEFAULT, 0, 900),
            ctx.bool(FIREHOSE_APPEND_NEWLINE, FIREHOSE_APPEND_NEWLINE_DEFAULT),
            // SES puts records into the Firehose itself, which a Firehose reading a stream refuses.
            sesEnabled);

    if (ctx.optionalString(PINPOINT_PROJECT_NAME).isPresent()) {
      throw new InvalidSettingException(
          String.format(
              "%s is no longer read: the stack does not create Pinpoint projects (Pinpoint took no new"
                  + " customers after 2025-05-20 and its support ended on 2026-10-30). Remove it; give"
                  + " -c %s=ID to use a project you still have, or deploy without Pinpoint (the"
                  + " eventbridge destination)",
              PINPOINT_PROJECT_NAME, PINPOINT_PROJECT_ID));
    }
    Optional<String> projectId =
        ctx.optionalMatching(
            PINPOINT_PROJECT_ID,
            PROJECT_ID,
            "a Pinpoint project ID (32 lower-case hex characters)");
    // A project has a single event stream: creating one for an existing project replaces the one it
    // has. So by default the stream is created only when this stack builds the pipeline.
    boolean defaultEventStream =
        projectId.isPresent() && kinesisArn.isEmpty() && firehoseArn.isEmpty();
    boolean createEventStream = ctx.bool(CREATE_EVENT_STREAM, defaultEventStream);
    if (createEventStream && projectId.isEmpty()) {
      throw new InvalidSettingException(
          String.format(
              "Cannot use %s=true without %s: the stack creates no Pinpoint project (add -c %s=ID, or"
                  + " remove %s)",
              CREATE_EVENT_STREAM, PINPOINT_PROJECT_ID, PINPOINT_PROJECT_ID, CREATE_EVENT_STREAM));
    }
    Pinpoint pinpoint =
        new Pinpoint(
            projectId,
            createEventStream,
            ctx.matching(
                SEGMENT_NAME, SEGMENT_NAME_DEFAULT, NAME, "1-64 letters, digits, spaces, _ . -"));

    String destination =
        ctx.matching(
            DESTINATION,
            projectId.isPresent() ? Delivery.PINPOINT : Delivery.EVENTBRIDGE,
            DESTINATION_NAME,
            "eventbridge or pinpoint");
    if (destination.equals(Delivery.PINPOINT) && projectId.isEmpty()) {
      throw new InvalidSettingException(
          String.format(
              "Cannot use %s=pinpoint without %s: the stack creates no Pinpoint project (add -c %s=ID"
                  + " of a project you still have, or use %s=eventbridge)",
              DESTINATION, PINPOINT_PROJECT_ID, PINPOINT_PROJECT_ID, DESTINATION));
    }
    Optional<String> bus = ctx.optionalString(EVENT_BUS);
    bus.ifPresent(
        b -> {
          if (!(b.startsWith("arn:") ? BUS_ARN : BUS_NAME).matcher(b).matches()) {
            throw ContextReader.invalid(
                EVENT_BUS,
                b,
                "an EventBridge bus name (letters, digits, . _ -) or ARN"
                    + " arn:aws:events:REGION:ACCOUNT:event-bus/NAME");
          }
        });
    Delivery delivery = new Delivery(destination, bus);

    Optional<String> configurationSet =
        ctx.optionalMatching(
            SES_CONFIGURATION_SET,
            CONFIGURATION_SET,
            "an SES configuration set name (letters, digits, _ and -, at most 64)");
    if (configurationSet.isPresent() && !sesEnabled) {
      throw new InvalidSettingException(
          String.format(
              "%s is only read with %s=true (add -c %s=true to capture that configuration set's"
                  + " events, or remove %s)",
              SES_CONFIGURATION_SET, SES_EVENTS, SES_EVENTS, SES_CONFIGURATION_SET));
    }
    SesCapture ses = new SesCapture(sesEnabled, configurationSet);

    List<String> extraRoots = new ArrayList<>();
    for (String root : ctx.string(EXTRA_EVENTS_URIS, "").split(",")) {
      String trimmed = root.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!S3_FOLDER.matcher(trimmed).matches()) {
        throw ContextReader.invalid(
            EXTRA_EVENTS_URIS,
            trimmed,
            "comma-separated S3 folders such as s3://old-events/pinpoint/ (ending in /)");
      }
      extraRoots.add(trimmed);
    }
    JobOptions jobOptions =
        new JobOptions(
            List.copyOf(extraRoots),
            ctx.matching(
                MACHINE_OPENS, MACHINE_OPENS_DEFAULT, MACHINE_OPENS_MODE, "count or ignore"),
            ctx.optionalMatching(
                MACHINE_OPEN_IPS_URI,
                S3_OBJECT,
                "an S3 object such as s3://config/apple-egress-ip-ranges.csv"));

    Rules rules =
        new Rules(
            ctx.integer(DELIVERED_WINDOW_MONTHS, DELIVERED_WINDOW_MONTHS_DEFAULT, 1, 120),
            ctx.integer(ENGAGEMENT_WINDOW_MONTHS, ENGAGEMENT_WINDOW_MONTHS_DEFAULT, 1, 120),
            ctx.integer(MIN_DELIVERED, MIN_DELIVERED_DEFAULT, 1, 100_000));

    boolean crossCheck = ctx.bool(CROSS_CHECK, CROSS_CHECK_DEFAULT);
    if (crossCheck && !rules.equalsQueryWindows()) {
      // The Athena side runs the original query, whose 10 and 6 months and "> 5" are fixed in its
      // text.
      throw new InvalidSettingException(
          String.format(
              "Cannot cross-check with deliveredWindowMonths=%d, engagementWindowMonths=%d, minDelivered=%d: the"
                  + " Athena query keeps the original 10, 6 and 6 (use the defaults, or set -c crossCheck=false)",
              rules.deliveredWindowMonths(), rules.engagementWindowMonths(), rules.minDelivered()));
    }

    String timezone = ctx.string(SCHEDULE_TIMEZONE, SCHEDULE_TIMEZONE_DEFAULT);
    try {
      ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw ContextReader.invalid(
          SCHEDULE_TIMEZONE, timezone, "an IANA time zone such as UTC or Europe/Berlin");
    }
    Schedule schedule =
        new Schedule(
            ctx.matching(
                SCHEDULE,
                SCHEDULE_DEFAULT,
                SCHEDULE_EXPRESSION,
                "an EventBridge Scheduler expression such as cron(30 2 * * ? *) or rate(1 day)"),
            timezone,
            ctx.bool(SCHEDULE_ENABLED, SCHEDULE_ENABLED_DEFAULT));

    Catalog catalog =
        new Catalog(
            crossCheck,
            ctx.matching(
                GLUE_DATABASE,
                GLUE_DATABASE_DEFAULT,
                GLUE_NAME,
                "lower-case letters, digits and _"),
            ctx.matching(
                GLUE_TABLE, GLUE_TABLE_DEFAULT, GLUE_NAME, "lower-case letters, digits and _"),
            ctx.matching(
                PROJECTION_START,
                PROJECTION_START_DEFAULT,
                HOUR_FOLDER,
                "an hour folder yyyy/MM/dd/HH"),
            ctx.integer(ATHENA_MAX_SCAN_GB, ATHENA_MAX_SCAN_GB_DEFAULT, 1, 1_000_000));

    Emr emr =
        new Emr(
            ctx.matching(
                EMR_RELEASE_LABEL,
                EMR_RELEASE_LABEL_DEFAULT,
                RELEASE,
                "an EMR release label such as emr-7.9.0"),
            ctx.matching(
                EMR_ARCHITECTURE, EMR_ARCHITECTURE_DEFAULT, ARCHITECTURE, "X86_64 or ARM64"),
            ctx.matching(EMR_MAX_CPU, EMR_MAX_CPU_DEFAULT, CPU, "a vCPU count such as '32 vCPU'"),
            ctx.matching(EMR_MAX_MEMORY, EMR_MAX_MEMORY_DEFAULT, GB, "a size such as '128 GB'"),
            ctx.matching(EMR_MAX_DISK, EMR_MAX_DISK_DEFAULT, GB, "a size such as '1000 GB'"),
            ctx.integer(EMR_IDLE_TIMEOUT_MINUTES, EMR_IDLE_TIMEOUT_MINUTES_DEFAULT, 1, 10_080));

    int logDays = ctx.integer(LOG_RETENTION_DAYS, LOG_RETENTION_DAYS_DEFAULT, 1, 3653);
    LogRetention.of(logDays); // rejects day counts CloudWatch Logs does not offer
    Retention retention =
        new Retention(
            logDays,
            ctx.integer(OUTPUT_RETENTION_DAYS, OUTPUT_RETENTION_DAYS_DEFAULT, 1, 3653),
            ctx.bool(RETAIN_DATA, RETAIN_DATA_DEFAULT));

    String sparkConf = ctx.string(SPARK_CONF, SPARK_CONF_DEFAULT);
    if (sparkConf.contains("'") || sparkConf.contains("\"") || sparkConf.contains("\\")) {
      // The value is pasted into the definition's JSON strings and its intrinsic-function format
      // strings.
      throw ContextReader.invalid(
          SPARK_CONF, sparkConf, "spark-submit options without quotes or backslashes");
    }
    Runs runs =
        new Runs(
            ctx.integer(JOB_TIMEOUT_MINUTES, JOB_TIMEOUT_MINUTES_DEFAULT, 5, 1440),
            ctx.integer(IMPORT_TIMEOUT_SECONDS, IMPORT_TIMEOUT_SECONDS_DEFAULT, 60, 86_400),
            sparkConf,
            ctx.bool(USE_ROLLUPS, USE_ROLLUPS_DEFAULT));

    Artifacts artifacts =
        new Artifacts(
            repoRoot.resolve(ctx.string(JOB_JAR, JOB_JAR_DEFAULT)).normalize(),
            repoRoot.resolve(ctx.string(LAMBDA_JAR, LAMBDA_JAR_DEFAULT)).normalize(),
            repoRoot
                .resolve(ctx.string(STATE_MACHINE_FILE, STATE_MACHINE_FILE_DEFAULT))
                .normalize());

    return new Settings(
        ctx.matching(
            STACK_NAME,
            STACK_NAME_DEFAULT,
            STACK,
            "a CloudFormation stack name (letters, digits, -)"),
        events,
        pinpoint,
        rules,
        schedule,
        catalog,
        emr,
        retention,
        runs,
        delivery,
        ses,
        jobOptions,
        artifacts);
  }
}
