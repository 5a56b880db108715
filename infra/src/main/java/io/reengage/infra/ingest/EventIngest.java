package io.reengage.infra.ingest;

import io.reengage.infra.Policies;
import io.reengage.infra.Trust;
import io.reengage.infra.config.LogRetention;
import io.reengage.infra.config.Settings;
import io.reengage.infra.storage.S3Access;
import io.reengage.infra.storage.S3Prefix;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesisfirehose.CfnDeliveryStream;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogStream;
import software.constructs.Construct;

/**
 * The path from Pinpoint to S3: a Kinesis stream and a Firehose that writes the events, one JSON
 * record per line, gzipped, into {@code PREFIX/yyyy/MM/dd/HH/}. Parts that already exist are used
 * as they are.
 *
 * <p>The newline comes from Firehose's own {@code AppendDelimiterToRecord} processor, so no
 * conversion Lambda is needed; the job also reads records without a delimiter, for Firehoses
 * created elsewhere.
 */
public final class EventIngest extends Construct {

  /** Where Pinpoint's event stream sends events. */
  public enum DestinationKind {
    KINESIS,
    FIREHOSE
  }

  private static final String DELIVERY_LOG_STREAM = "S3Delivery";

  private final String destinationArn;
  private final DestinationKind destinationKind;
  private final Optional<CfnDeliveryStream> deliveryStream;

  public EventIngest(
      Construct scope, String id, Settings.Events settings, int logRetentionDays, S3Prefix events) {
    super(scope, id);
    if (settings.existingFirehoseArn().isPresent()) {
      destinationArn = settings.existingFirehoseArn().get();
      destinationKind = DestinationKind.FIREHOSE;
      deliveryStream = Optional.empty();
      return;
    }
    if (settings.directPut()) {
      // SES (and Pinpoint's event stream, when there is one) put records into the Firehose itself.
      CfnDeliveryStream firehose =
          createFirehose(settings, logRetentionDays, events, Optional.empty());
      deliveryStream = Optional.of(firehose);
      destinationArn = firehose.getAttrArn();
      destinationKind = DestinationKind.FIREHOSE;
      return;
    }
    String streamArn =
        settings.existingKinesisStreamArn().orElseGet(() -> createStream(settings).getStreamArn());
    deliveryStream =
        Optional.of(createFirehose(settings, logRetentionDays, events, Optional.of(streamArn)));
    destinationArn = streamArn;
    destinationKind = DestinationKind.KINESIS;
  }

  /**
   * The Firehose that SES event publishing can write to: the one created here, or the given one.
   */
  public String firehoseArn() {
    return deliveryStream.map(CfnDeliveryStream::getAttrArn).orElse(destinationArn);
  }

  public String destinationArn() {
    return destinationArn;
  }

  /** The Firehose created here, if any. */
  public Optional<CfnDeliveryStream> deliveryStream() {
    return deliveryStream;
  }

  private Stream createStream(Settings.Events settings) {
    return Stream.Builder.create(this, "Stream")
        .shardCount(settings.kinesisShards())
        .encryption(StreamEncryption.MANAGED)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
  }

  /**
   * @param streamArn the Kinesis stream the Firehose reads, or empty for a Direct PUT Firehose
   */
  private CfnDeliveryStream createFirehose(
      Settings.Events settings, int logRetentionDays, S3Prefix events, Optional<String> streamArn) {
    LogGroup logGroup =
        LogGroup.Builder.create(this, "DeliveryLogs")
            .retention(LogRetention.of(logRetentionDays))
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    LogStream.Builder.create(this, "DeliveryLogStream")
        .logGroup(logGroup)
        .logStreamName(DELIVERY_LOG_STREAM)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();

    // Errors go beside the events folder, never inside it, so the job never reads them as events.
    S3Prefix errors =
        events.prefix().isEmpty()
            ? events.child("firehose-errors/")
            : S3Prefix.of(
                events.bucket(),
                events.prefix().substring(0, events.prefix().length() - 1) + "-errors/");

    Role role =
        Role.Builder.create(this, "DeliveryRole")
            .assumedBy(Trust.service(this, "firehose.amazonaws.com"))
            .description(
                streamArn.isPresent()
                    ? "Firehose: reads the Pinpoint event stream, writes events to S3"
                    : "Firehose: writes the email events put into it to S3")
            .build();
    streamArn.ifPresent(
        stream ->
            role.addToPolicy(
                Policies.allow(
                    List.of(
                        "kinesis:DescribeStream",
                        "kinesis:DescribeStreamSummary",
                        "kinesis:GetShardIterator",
                        "kinesis:GetRecords",
                        "kinesis:ListShards"),
                    List.of(stream))));
    role.addToPolicy(S3Access.list(events));
    role.addToPolicy(S3Access.bucketLocation(events));
    role.addToPolicy(
        Policies.allow(
            List.of("s3:ListBucketMultipartUploads"), List.of(events.bucket().getBucketArn())));
    role.addToPolicy(
        Policies.allow(
            List.of("s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload"),
            List.of(events.objectsArn(), errors.objectsArn())));
    settings
        .kmsKeyArn()
        .ifPresent(
            key ->
                role.addToPolicy(
                    Policies.allow(List.of("kms:GenerateDataKey", "kms:Decrypt"), List.of(key))));
    String logStreamArn =
        Stack.of(this)
            .formatArn(
                ArnComponents.builder()
                    .service("logs")
                    .resource("log-group")
                    .resourceName(logGroup.getLogGroupName() + ":log-stream:" + DELIVERY_LOG_STREAM)
                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                    .build());
    role.addToPolicy(Policies.allow(List.of("logs:PutLogEvents"), List.of(logStreamArn)));

    CfnDeliveryStream firehose =
        CfnDeliveryStream.Builder.create(this, "Firehose")
            .deliveryStreamType(streamArn.isPresent() ? "KinesisStreamAsSource" : "DirectPut")
            .kinesisStreamSourceConfiguration(
                streamArn
                    .map(
                        stream ->
                            CfnDeliveryStream.KinesisStreamSourceConfigurationProperty.builder()
                                .kinesisStreamArn(stream)
                                .roleArn(role.getRoleArn())
                                .build())
                    .orElse(null))
            .extendedS3DestinationConfiguration(
                CfnDeliveryStream.ExtendedS3DestinationConfigurationProperty.builder()
                    .bucketArn(events.bucket().getBucketArn())
                    .roleArn(role.getRoleArn())
                    // Spelled out, this is the layout Firehose uses by default: UTC hour folders
                    // under the prefix.
                    .prefix(events.prefix() + "!{timestamp:yyyy/MM/dd/HH}/")
                    .errorOutputPrefix(
                        errors.prefix()
                            + "!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/")
                    .bufferingHints(
                        CfnDeliveryStream.BufferingHintsProperty.builder()
                            .sizeInMBs(settings.firehoseBufferMb())
                            .intervalInSeconds(settings.firehoseBufferSeconds())
                            .build())
                    .compressionFormat("GZIP")
                    .processingConfiguration(
                        settings.firehoseAppendNewline()
                            ? CfnDeliveryStream.ProcessingConfigurationProperty.builder()
                                .enabled(true)
                                .processors(
                                    List.of(
                                        CfnDeliveryStream.ProcessorProperty.builder()
                                            .type("AppendDelimiterToRecord")
                                            .build()))
                                .build()
                            : null)
                    .cloudWatchLoggingOptions(
                        CfnDeliveryStream.CloudWatchLoggingOptionsProperty.builder()
                            .enabled(true)
                            .logGroupName(logGroup.getLogGroupName())
                            .logStreamName(DELIVERY_LOG_STREAM)
                            .build())
                    .build())
            .build();
    // Firehose checks its role when the stream is created, so the policy must exist first.
    firehose.getNode().addDependency(role);
    return firehose;
  }

  /** Statements that let Pinpoint's event stream put records into the destination. */
  public List<PolicyStatement> producerStatements() {
    if (destinationKind == DestinationKind.FIREHOSE) {
      return List.of(
          Policies.allow(
              List.of("firehose:PutRecordBatch", "firehose:DescribeDeliveryStream"),
              List.of(destinationArn)));
    }
    return List.of(
        Policies.allow(
            List.of("kinesis:PutRecords", "kinesis:DescribeStream"), List.of(destinationArn)));
  }
}
