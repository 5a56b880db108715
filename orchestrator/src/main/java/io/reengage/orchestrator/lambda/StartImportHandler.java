package io.reengage.orchestrator.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.reengage.orchestrator.aws.AwsClients;
import io.reengage.orchestrator.aws.Settings;
import io.reengage.orchestrator.importing.ImportFolderInspector;
import io.reengage.orchestrator.importing.ImportStarter;
import io.reengage.orchestrator.importing.StartedImport;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starts the Pinpoint import of a run's import folder. Input {@code {"importUri", "runName"}};
 * settings {@code PINPOINT_APPLICATION_ID}, {@code IMPORT_ROLE_ARN}, {@code SEGMENT_NAME}; output
 * {@link StartedImport}.
 */
public final class StartImportHandler extends JsonHandler<StartImportHandler.Input, StartedImport> {

  /** The state's payload; {@code runName} only labels the log line. */
  public record Input(String importUri, String runName) {}

  private final ImportStarter starter;
  private final Settings settings;

  public StartImportHandler() {
    this(AwsClients.pinpoint(), AwsClients.s3(), Settings.fromEnvironment());
  }

  public StartImportHandler(PinpointClient pinpoint, S3Client s3, Settings settings) {
    super(Input.class, StartedImport.class);
    this.starter = new ImportStarter(pinpoint, new ImportFolderInspector(s3));
    this.settings = settings;
  }

  @Override
  public StartedImport handle(Input input, Context context) {
    String importUri =
        Inputs.required(input == null ? null : input.importUri(), "importUri", "StartImport");
    StartedImport started =
        starter.start(
            settings.required(Settings.APPLICATION_ID),
            importUri,
            settings.required(Settings.IMPORT_ROLE_ARN),
            settings.optional(Settings.SEGMENT_NAME, Settings.SEGMENT_NAME_DEFAULT));
    String runName = input.runName() == null ? "-" : input.runName();
    context
        .getLogger()
        .log(
            "Run "
                + runName
                + ": import job "
                + started.importJobId()
                + " started from "
                + importUri
                + " ("
                + started.csvFiles()
                + " CSV files, "
                + started.bytes()
                + " bytes) into "
                + (started.newSegment() ? "a new segment" : "segment " + started.segmentId()));
    return started;
  }
}
