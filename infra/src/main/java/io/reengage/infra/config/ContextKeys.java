package io.reengage.infra.config;

/**
 * Names of the CDK context values the app reads ({@code npx aws-cdk deploy -c KEY=VALUE} or the
 * {@code context} object of {@code cdk.json}). Each key is paired with its default where one
 * exists. Context rather than CloudFormation parameters, because most of these decide which
 * resources exist.
 */
public final class ContextKeys {

  /**
   * Name of the CloudFormation stack; {@code ./reengage aws} reads its outputs ({@code --stack},
   * default reengage).
   */
  public static final String STACK_NAME = "stackName";

  public static final String STACK_NAME_DEFAULT = "reengage";

  /**
   * Existing bucket that holds (or will hold) the Pinpoint events; absent: a new bucket is created.
   */
  public static final String EVENTS_BUCKET = "eventsBucket";

  /** Key prefix of the events inside the events bucket; Firehose's hour folders sit below it. */
  public static final String EVENTS_PREFIX = "eventsPrefix";

  public static final String EVENTS_PREFIX_DEFAULT = "events/";

  /**
   * KMS key that encrypts an existing events bucket; absent: SSE-S3 or the AWS managed key is
   * assumed.
   */
  public static final String EVENTS_KMS_KEY_ARN = "eventsKmsKeyArn";

  /** Existing Kinesis data stream that Pinpoint writes to; a Firehose is created to read it. */
  public static final String KINESIS_STREAM_ARN = "kinesisStreamArn";

  /**
   * Existing Firehose stream that already delivers the events to {@link #EVENTS_BUCKET}; nothing is
   * created.
   */
  public static final String FIREHOSE_ARN = "firehoseArn";

  /** Shards of the Kinesis stream created when neither stream nor Firehose is given. */
  public static final String KINESIS_SHARDS = "kinesisShards";

  public static final int KINESIS_SHARDS_DEFAULT = 1;

  /** Firehose buffer size hint in MiB (1-128). */
  public static final String FIREHOSE_BUFFER_MB = "firehoseBufferMb";

  public static final int FIREHOSE_BUFFER_MB_DEFAULT = 64;

  /** Firehose buffer interval hint in seconds (0-900). */
  public static final String FIREHOSE_BUFFER_SECONDS = "firehoseBufferSeconds";

  public static final int FIREHOSE_BUFFER_SECONDS_DEFAULT = 300;

  /**
   * Whether a new Firehose appends a newline to each record ({@code AppendDelimiterToRecord}). The
   * job reads records without one too; Athena's JSON SerDe (the cross-check) needs it.
   */
  public static final String FIREHOSE_APPEND_NEWLINE = "firehoseAppendNewline";

  public static final boolean FIREHOSE_APPEND_NEWLINE_DEFAULT = true;

  /**
   * Existing Pinpoint project (application) ID. Absent: no Pinpoint at all (no project is ever
   * created: Pinpoint took no new customers after 2025-05-20 and its support ended on 2026-10-30).
   */
  public static final String PINPOINT_PROJECT_ID = "pinpointProjectId";

  /**
   * No longer read: the stack used to create a project of this name. Refused with a hint, so that
   * an old command line does not silently deploy something else.
   */
  public static final String PINPOINT_PROJECT_NAME = "pinpointProjectName";

  /**
   * Whether to create the project's event stream (needs {@link #PINPOINT_PROJECT_ID}); the default
   * depends on what already exists.
   */
  public static final String CREATE_EVENT_STREAM = "createEventStream";

  /**
   * Where each run's result goes by default: {@code eventbridge} (one event on a bus) or {@code
   * pinpoint} (import into the segment). Default: pinpoint when a project ID is given, else
   * eventbridge. An execution's input {@code destination} overrides it.
   */
  public static final String DESTINATION = "destination";

  /**
   * Existing EventBridge bus (name in this account and region, or ARN) for the segment event;
   * absent: the stack creates a bus named after the stack.
   */
  public static final String EVENT_BUS = "eventBus";

  /**
   * Whether SES event publishing is captured: a configuration set event destination that sends
   * every event type to the stack's Firehose.
   */
  public static final String SES_EVENTS = "sesEvents";

  public static final boolean SES_EVENTS_DEFAULT = false;

  /**
   * Existing SES configuration set to add the event destination to; absent (with {@link
   * #SES_EVENTS}): the stack creates one named {@code <stackName>-events}.
   */
  public static final String SES_CONFIGURATION_SET = "sesConfigurationSet";

  /**
   * More event roots (comma-separated {@code s3://bucket/prefix/} folders) that every run reads
   * besides the stack's own events folder, e.g. where an older Pinpoint Firehose wrote.
   */
  public static final String EXTRA_EVENTS_URIS = "extraEventsUris";

  /**
   * {@code --machine-opens} of each run: {@code count} (the query's behaviour) or {@code ignore}.
   */
  public static final String MACHINE_OPENS = "machineOpens";

  public static final String MACHINE_OPENS_DEFAULT = "count";

  /** {@code --machine-open-ips}: an {@code s3://} object with Apple's egress IP ranges (CSV). */
  public static final String MACHINE_OPEN_IPS_URI = "machineOpenIpsUri";

  /** Name of the imported segment that the run creates when no segment is tagged yet. */
  public static final String SEGMENT_NAME = "segmentName";

  public static final String SEGMENT_NAME_DEFAULT = "Unengaged Users";

  /** Delivered window in months (the query's 10). */
  public static final String DELIVERED_WINDOW_MONTHS = "deliveredWindowMonths";

  public static final int DELIVERED_WINDOW_MONTHS_DEFAULT = 10;

  /** Engagement window in months (the query's 6). */
  public static final String ENGAGEMENT_WINDOW_MONTHS = "engagementWindowMonths";

  public static final int ENGAGEMENT_WINDOW_MONTHS_DEFAULT = 6;

  /** Minimum delivered events (the query's {@code num_delivered > 5} is 6). */
  public static final String MIN_DELIVERED = "minDelivered";

  public static final int MIN_DELIVERED_DEFAULT = 6;

  /** EventBridge Scheduler expression: {@code cron(...)}, {@code rate(...)} or {@code at(...)}. */
  public static final String SCHEDULE = "schedule";

  public static final String SCHEDULE_DEFAULT = "cron(30 2 * * ? *)";

  /** Time zone the schedule expression is read in. */
  public static final String SCHEDULE_TIMEZONE = "scheduleTimezone";

  public static final String SCHEDULE_TIMEZONE_DEFAULT = "UTC";

  /** Whether the schedule starts enabled. */
  public static final String SCHEDULE_ENABLED = "scheduleEnabled";

  public static final boolean SCHEDULE_ENABLED_DEFAULT = true;

  /** Whether each run also runs the original query on Athena and compares the two outputs. */
  public static final String CROSS_CHECK = "crossCheck";

  public static final boolean CROSS_CHECK_DEFAULT = false;

  /** Glue database over the events. */
  public static final String GLUE_DATABASE = "glueDatabase";

  public static final String GLUE_DATABASE_DEFAULT = "reengage";

  /** Glue table over the events. */
  public static final String GLUE_TABLE = "glueTable";

  public static final String GLUE_TABLE_DEFAULT = "pinpoint_events";

  /** First hour folder that partition projection enumerates, {@code yyyy/MM/dd/HH}. */
  public static final String PROJECTION_START = "projectionStart";

  public static final String PROJECTION_START_DEFAULT = "2024/01/01/00";

  /** Athena per-query scan limit in GB (cost guard for the cross-check). */
  public static final String ATHENA_MAX_SCAN_GB = "athenaMaxScanGb";

  public static final int ATHENA_MAX_SCAN_GB_DEFAULT = 1000;

  /** EMR release; emr-7.9.0 ships Spark 3.5.5 on Java 17, the versions the job is built against. */
  public static final String EMR_RELEASE_LABEL = "emrReleaseLabel";

  public static final String EMR_RELEASE_LABEL_DEFAULT = "emr-7.9.0";

  /** EMR Serverless architecture, X86_64 or ARM64. */
  public static final String EMR_ARCHITECTURE = "emrArchitecture";

  public static final String EMR_ARCHITECTURE_DEFAULT = "X86_64";

  /** Cap on the vCPUs the application may hold at once, e.g. {@code 32 vCPU}. */
  public static final String EMR_MAX_CPU = "emrMaxCpu";

  public static final String EMR_MAX_CPU_DEFAULT = "32 vCPU";

  /** Cap on memory, e.g. {@code 128 GB}. */
  public static final String EMR_MAX_MEMORY = "emrMaxMemory";

  public static final String EMR_MAX_MEMORY_DEFAULT = "128 GB";

  /** Cap on disk, e.g. {@code 1000 GB}. */
  public static final String EMR_MAX_DISK = "emrMaxDisk";

  public static final String EMR_MAX_DISK_DEFAULT = "1000 GB";

  /** Minutes without jobs after which the application stops. */
  public static final String EMR_IDLE_TIMEOUT_MINUTES = "emrIdleTimeoutMinutes";

  public static final int EMR_IDLE_TIMEOUT_MINUTES_DEFAULT = 15;

  /** Days that CloudWatch log groups and EMR job logs are kept. */
  public static final String LOG_RETENTION_DAYS = "logRetentionDays";

  public static final int LOG_RETENTION_DAYS_DEFAULT = 90;

  /** Days that run outputs (which hold email addresses) and Athena results are kept. */
  public static final String OUTPUT_RETENTION_DAYS = "outputRetentionDays";

  public static final int OUTPUT_RETENTION_DAYS_DEFAULT = 30;

  /**
   * Whether buckets survive {@code cdk destroy} (true) or are deleted with the stack when empty
   * (false).
   */
  public static final String RETAIN_DATA = "retainData";

  public static final boolean RETAIN_DATA_DEFAULT = true;

  /** EMR Serverless ExecutionTimeoutMinutes of each job run. */
  public static final String JOB_TIMEOUT_MINUTES = "jobTimeoutMinutes";

  public static final int JOB_TIMEOUT_MINUTES_DEFAULT = 180;

  /** How long a run waits for the Pinpoint import to finish before it fails. */
  public static final String IMPORT_TIMEOUT_SECONDS = "importTimeoutSeconds";

  public static final int IMPORT_TIMEOUT_SECONDS_DEFAULT = 7200;

  /** Extra spark-submit options of each job run, e.g. {@code --conf spark.executor.memory=14g}. */
  public static final String SPARK_CONF = "sparkConf";

  public static final String SPARK_CONF_DEFAULT = "";

  /** Whether segment runs read the daily rollups (run `reengage rollup` first, see README). */
  public static final String USE_ROLLUPS = "useRollups";

  public static final boolean USE_ROLLUPS_DEFAULT = false;

  /** The job's shaded jar, relative to the repository root unless absolute. */
  public static final String JOB_JAR = "jobJar";

  public static final String JOB_JAR_DEFAULT = "job/target/reengage-job.jar";

  /** The Lambdas' shaded jar, relative to the repository root unless absolute. */
  public static final String LAMBDA_JAR = "lambdaJar";

  public static final String LAMBDA_JAR_DEFAULT = "orchestrator/target/reengage-orchestrator.jar";

  /** The state machine definition, relative to the repository root unless absolute. */
  public static final String STATE_MACHINE_FILE = "stateMachineFile";

  public static final String STATE_MACHINE_FILE_DEFAULT =
      "orchestrator/statemachine/reengage.asl.json";

  private ContextKeys() {}
}
