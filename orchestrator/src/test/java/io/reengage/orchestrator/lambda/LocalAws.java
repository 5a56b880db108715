package io.reengage.orchestrator.lambda;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.reengage.orchestrator.aws.AwsClients;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SDK clients pointed at the local stub server, configured like the Lambdas' own (retries
 * included).
 */
final class LocalAws {

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret"));

  private LocalAws() {}

  static PinpointClient pinpoint(WireMockExtension server) {
    return PinpointClient.builder()
        .endpointOverride(URI.create(server.baseUrl()))
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(AwsClients.retries())
        .build();
  }

  static S3Client s3(WireMockExtension server) {
    return S3Client.builder()
        .endpointOverride(URI.create(server.baseUrl()))
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(AwsClients.retries())
        .build();
  }
}
