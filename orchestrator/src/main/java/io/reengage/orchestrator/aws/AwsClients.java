package io.reengage.orchestrator.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the SDK clients the Lambdas use in AWS: URL-connection HTTP (small and quick to start),
 * region and credentials from the Lambda environment, and more patient retries than the SDK default
 * because Pinpoint throttles its management API at low rates.
 */
public final class AwsClients {

  /** Attempts per call, including the first; throttling (HTTP 429) backs off exponentially. */
  static final int MAX_ATTEMPTS = 6;

  private AwsClients() {}

  public static PinpointClient pinpoint() {
    return PinpointClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(retries())
        .build();
  }

  public static S3Client s3() {
    return S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(retries())
        .build();
  }

  public static ClientOverrideConfiguration retries() {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(
            AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
        .apiCallTimeout(Duration.ofSeconds(60))
        .build();
  }
}
