package io.reengage.infra.catalog;

import io.reengage.infra.config.Settings;
import io.reengage.infra.storage.S3Prefix;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.constructs.Construct;

/**
 * A Glue table over the raw Firehose events and an Athena workgroup, so the original query can run
 * on Athena as a cross-check of the job (and for ad-hoc questions).
 *
 * <p>Partition projection computes the hour folders from the query's {@code dt} predicate instead
 * of reading partitions from the catalog, so nothing has to add partitions as Firehose writes new
 * hours.
 */
public final class EventsCatalog extends Construct {

  /** Partition column: the Firehose hour folder, {@code yyyy/MM/dd/HH}. */
  public static final String PARTITION_COLUMN = "dt";

  static final String FACETS_TYPE =
      "struct<email_channel:struct<mail_event:struct<mail:struct<destination:array<string>>>>>";

  private final String databaseName;
  private final String tableName;
  private final CfnWorkGroup workGroup;

  public EventsCatalog(
      Construct scope, String id, Settings.Catalog settings, S3Prefix events, S3Prefix results) {
    super(scope, id);
    String account = Stack.of(this).getAccount();
    databaseName = settings.database();
    tableName = settings.table();
    CfnDatabase database =
        CfnDatabase.Builder.create(this, "Database")
            .catalogId(account)
            .databaseInput(
                CfnDatabase.DatabaseInputProperty.builder()
                    .name(settings.database())
                    .description("reengage: Pinpoint email events written by Firehose")
                    .build())
            .build();

    CfnTable table =
        CfnTable.Builder.create(this, "EventsTable")
            .catalogId(account)
            .databaseName(settings.database())
            .tableInput(
                CfnTable.TableInputProperty.builder()
                    .name(settings.table())
                    .description(
                        "Pinpoint event stream records, one JSON object per line, in Firehose hour folders")
                    .tableType("EXTERNAL_TABLE")
                    .partitionKeys(List.of(column(PARTITION_COLUMN, "string")))
                    .parameters(
                        Map.of(
                            "classification", "json",
                            "projection.enabled", "true",
                            "projection.dt.type", "date",
                            "projection.dt.format", "yyyy/MM/dd/HH",
                            "projection.dt.range", settings.projectionStart() + ",NOW",
                            "projection.dt.interval", "1",
                            "projection.dt.interval.unit", "HOURS",
                            "storage.location.template",
                                events.uri() + "${" + PARTITION_COLUMN + "}/"))
                    .storageDescriptor(
                        CfnTable.StorageDescriptorProperty.builder()
                            .location(events.uri())
                            // Text input reads .gz objects by their extension.
                            .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                            .outputFormat(
                                "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                            .serdeInfo(
                                CfnTable.SerdeInfoProperty.builder()
                                    .serializationLibrary("org.openx.data.jsonserde.JsonSerDe")
                                    // A malformed line becomes a row of NULLs that the query's
                                    // filters drop, as the job
                                    // counts and skips it, instead of failing the whole query.
                                    .parameters(Map.of("ignore.malformed.json", "true"))
                                    .build())
                            .columns(
                                List.of(
                                    column("event_type", "string"),
                                    column("event_timestamp", "bigint"),
                                    column("arrival_timestamp", "bigint"),
                                    column("facets", FACETS_TYPE)))
                            .build())
                    .build())
            .build();
    table.getNode().addDependency(database);

    workGroup =
        CfnWorkGroup.Builder.create(this, "WorkGroup")
            .name(Stack.of(this).getStackName() + "-crosscheck")
            .description("reengage: the original query on Athena, for the cross-check")
            .state("ENABLED")
            // Lets CloudFormation delete the workgroup even when it holds saved queries or history.
            .recursiveDeleteOption(true)
            .workGroupConfiguration(
                CfnWorkGroup.WorkGroupConfigurationProperty.builder()
                    // Not enforced: each run puts its results in its own folder
                    // (AthenaOutputUri/<asOf>/<run>/), which
                    // an enforced workgroup would override. Only the state machine role may write
                    // there at all,
                    // and the bucket encrypts every object by default.
                    .enforceWorkGroupConfiguration(false)
                    .publishCloudWatchMetricsEnabled(true)
                    .bytesScannedCutoffPerQuery(settings.maxScanGb() * 1_000_000_000L)
                    .engineVersion(
                        CfnWorkGroup.EngineVersionProperty.builder()
                            .selectedEngineVersion("Athena engine version 3")
                            .build())
                    .resultConfiguration(
                        CfnWorkGroup.ResultConfigurationProperty.builder()
                            .outputLocation(results.uri())
                            .encryptionConfiguration(
                                CfnWorkGroup.EncryptionConfigurationProperty.builder()
                                    .encryptionOption("SSE_S3")
                                    .build())
                            .build())
                    .build())
            .build();
  }

  private static CfnTable.ColumnProperty column(String name, String type) {
    return CfnTable.ColumnProperty.builder().name(name).type(type).build();
  }

  public String databaseName() {
    return databaseName;
  }

  public String tableName() {
    return tableName;
  }

  public String workGroupName() {
    return workGroup.getRef();
  }

  /** What a caller of Athena needs to read the table: the catalog, the database and the table. */
  public List<String> glueArns() {
    Stack stack = Stack.of(this);
    return List.of(
        stack.formatArn(ArnComponents.builder().service("glue").resource("catalog").build()),
        stack.formatArn(
            ArnComponents.builder()
                .service("glue")
                .resource("database")
                .resourceName(databaseName)
                .build()),
        stack.formatArn(
            ArnComponents.builder()
                .service("glue")
                .resource("table")
                .resourceName(databaseName + "/" + tableName)
                .build()));
  }

  public String workGroupArn() {
    return Stack.of(this)
        .formatArn(
            ArnComponents.builder()
                .service("athena")
                .resource("workgroup")
                .resourceName(workGroup.getRef())
                .build());
  }
}
