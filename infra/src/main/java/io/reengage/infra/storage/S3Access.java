package io.reengage.infra.storage;

import static io.reengage.infra.Policies.allow;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** Policy statements that grant S3 access to exactly one prefix, with named actions only. */
public final class S3Access {

  private S3Access() {}

  /** List the prefix and read its objects. */
  public static List<PolicyStatement> read(S3Prefix location) {
    List<PolicyStatement> statements = new ArrayList<>();
    statements.add(list(location));
    statements.add(bucketLocation(location));
    List<String> objects = new ArrayList<>(location.folderMarkerArns());
    objects.add(location.objectsArn());
    statements.add(allow(List.of("s3:GetObject"), objects));
    return statements;
  }

  /**
   * List, read, write and delete below the prefix. Delete is part of it because the job publishes a
   * finished output by rename, which S3 does as copy and delete, and reruns replace a day's rollup.
   */
  public static List<PolicyStatement> readWrite(S3Prefix location) {
    return readWrite(location, true);
  }

  /** List, read and write below the prefix, without delete (as Athena writes query results). */
  public static List<PolicyStatement> readPut(S3Prefix location) {
    return readWrite(location, false);
  }

  private static List<PolicyStatement> readWrite(S3Prefix location, boolean delete) {
    List<PolicyStatement> statements = new ArrayList<>();
    statements.add(list(location));
    statements.add(bucketLocation(location));
    statements.add(
        allow(List.of("s3:ListBucketMultipartUploads"), List.of(location.bucket().getBucketArn())));
    List<String> objects = new ArrayList<>(location.folderMarkerArns());
    objects.add(location.objectsArn());
    List<String> actions =
        new ArrayList<>(
            List.of(
                "s3:GetObject",
                "s3:PutObject",
                "s3:AbortMultipartUpload",
                "s3:ListMultipartUploadParts"));
    if (delete) {
      actions.add("s3:DeleteObject");
    }
    statements.add(allow(actions, objects));
    return statements;
  }

  /** Write (no read, no list) below the prefix, as for log files. */
  public static PolicyStatement writeOnly(S3Prefix location) {
    return allow(
        List.of("s3:PutObject", "s3:AbortMultipartUpload"), List.of(location.objectsArn()));
  }

  /** {@code s3:ListBucket} limited to the prefix by the {@code s3:prefix} condition key. */
  public static PolicyStatement list(S3Prefix location) {
    PolicyStatement.Builder builder =
        PolicyStatement.Builder.create()
            .effect(Effect.ALLOW)
            .actions(List.of("s3:ListBucket"))
            .resources(List.of(location.bucket().getBucketArn()));
    if (!location.listCondition().isEmpty()) {
      builder.conditions(location.listCondition());
    }
    return builder.build();
  }

  /**
   * {@code s3:GetBucketLocation}, which S3 clients call before the first request. It takes no
   * {@code s3:prefix}, so it cannot share the list statement's condition.
   */
  public static PolicyStatement bucketLocation(S3Prefix location) {
    return allow(List.of("s3:GetBucketLocation"), List.of(location.bucket().getBucketArn()));
  }
}
