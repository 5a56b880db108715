package io.reengage.infra.storage;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * Creates the buckets of the stack, all alike: encrypted at rest, public access blocked, ACLs off,
 * and a bucket policy that denies any request made without TLS (or with TLS older than 1.2).
 */
public final class SecureBuckets {

  /** Folders of the work bucket. */
  public static final String RUNS = "runs/";

  public static final String ROLLUPS = "rollups/";
  public static final String EMR_LOGS = "emr-logs/";
  public static final String ATHENA_RESULTS = "athena-results/";

  private SecureBuckets() {}

  /**
   * A new bucket.
   *
   * <p>SSE-S3 rather than a customer KMS key: every reader (the job, Pinpoint's import, Athena,
   * Firehose) would otherwise need grants on the key as well, for no gain in who can read the data,
   * which the bucket's IAM scoping already decides.
   *
   * @param retain keep the bucket when the stack is deleted (its data outlives the stack)
   * @param lifecycle expiry rules; an abort-incomplete-uploads rule is always added
   */
  public static Bucket create(
      Construct scope, String id, boolean retain, List<LifecycleRule> lifecycle) {
    List<LifecycleRule> rules = new ArrayList<>(lifecycle);
    rules.add(
        LifecycleRule.builder()
            .id("abort-incomplete-multipart-uploads")
            .abortIncompleteMultipartUploadAfter(Duration.days(7))
            .build());
    return Bucket.Builder.create(scope, id)
        .encryption(BucketEncryption.S3_MANAGED)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .enforceSsl(true)
        .minimumTlsVersion(1.2)
        .versioned(false)
        .lifecycleRules(rules)
        // Deleting a bucket with objects fails, and autoDeleteObjects would add a custom-resource
        // Lambda
        // allowed to empty it; an operator empties it by hand instead (README, Teardown).
        .removalPolicy(retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
        .build();
  }

  /** Expire objects below {@code prefix} after {@code days}. */
  public static LifecycleRule expire(String id, String prefix, int days) {
    return LifecycleRule.builder().id(id).prefix(prefix).expiration(Duration.days(days)).build();
  }
}
