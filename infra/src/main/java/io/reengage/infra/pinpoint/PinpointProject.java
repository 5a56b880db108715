package io.reengage.infra.pinpoint;

import static io.reengage.infra.Policies.allow;

import io.reengage.infra.Trust;
import io.reengage.infra.config.Settings;
import io.reengage.infra.ingest.EventIngest;
import io.reengage.infra.storage.S3Access;
import io.reengage.infra.storage.S3Prefix;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.pinpoint.CfnEventStream;
import software.constructs.Construct;

/**
 * An existing Pinpoint project, its event stream into the ingest path, and the role that Pinpoint
 * assumes to read the import CSVs.
 */
public final class PinpointProject extends Construct {

  /** Files of each run that Pinpoint imports: {@code runs/<asOf>/<run>/import/part-*.csv}. */
  private static final String IMPORT_FILES = "*/import/*";

  private final String projectId;
  private final String projectArn;
  private final Role importRole;

  public PinpointProject(
      Construct scope, String id, Settings.Pinpoint settings, EventIngest ingest, S3Prefix runs) {
    super(scope, id);
    // Never created here: Pinpoint took no new customers after 2025-05-20 and its support ended on
    // 2026-10-30. Settings only build this construct for a project ID the user gives.
    projectId =
        settings
            .existingProjectId()
            .orElseThrow(() -> new IllegalStateException("PinpointProject needs a project ID"));
    projectArn =
        Stack.of(this)
            .formatArn(
                ArnComponents.builder()
                    .service("mobiletargeting")
                    .resource("apps")
                    .resourceName(projectId)
                    .build());

    if (settings.createEventStream()) {
      Role streamRole =
          Role.Builder.create(this, "EventStreamRole")
              .assumedBy(Trust.service(this, "pinpoint.amazonaws.com", projectArn))
              .description("Pinpoint: puts the project's events into the event stream")
              .build();
      ingest.producerStatements().forEach(streamRole::addToPolicy);
      CfnEventStream stream =
          CfnEventStream.Builder.create(this, "EventStream")
              .applicationId(projectId)
              .destinationStreamArn(ingest.destinationArn())
              .roleArn(streamRole.getRoleArn())
              .build();
      // Pinpoint tests the role when the stream is set up: the policy must be in place first.
      stream.getNode().addDependency(streamRole);
      ingest.deliveryStream().ifPresent(firehose -> stream.getNode().addDependency(firehose));
    }

    importRole =
        Role.Builder.create(this, "ImportRole")
            .assumedBy(Trust.service(this, "pinpoint.amazonaws.com", projectArn))
            .description("Pinpoint: reads the import CSV files of reengage runs")
            .build();
    importRole.addToPolicy(S3Access.list(runs));
    importRole.addToPolicy(S3Access.bucketLocation(runs));
    importRole.addToPolicy(allow(List.of("s3:GetObject"), List.of(runs.objectsArn(IMPORT_FILES))));
  }

  public String projectId() {
    return projectId;
  }

  /** {@code arn:aws:mobiletargeting:REGION:ACCOUNT:apps/PROJECT}. */
  public String projectArn() {
    return projectArn;
  }

  public Role importRole() {
    return importRole;
  }
}
