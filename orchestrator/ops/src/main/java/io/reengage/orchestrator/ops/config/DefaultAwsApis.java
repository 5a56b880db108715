package io.reengage.orchestrator.ops.config;

import io.reengage.orchestrator.aws.AwsClients;
import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Clients from the default credential and region chains (environment, profile, SSO, instance role),
 * or an explicit region; an endpoint override points every client at one local server in tests.
 */
public final class DefaultAwsApis implements AwsApis {

  private final Region region;
  private final URI endpoint;
  private final AwsCredentialsProvider credentials;
  private final Lazy<EmrServerlessClient> emr;
  private final Lazy<SfnClient> sfn;
  private final Lazy<AthenaClient> athena;
  private final Lazy<S3Client> s3;
  private final Lazy<CloudFormationClient> cloudFormation;

  /**
   * @param region null for the default region chain
   * @param endpoint null for AWS; else every client talks to this URI (path-style S3)
   * @param credentials null for the default credential chain
   */
  public DefaultAwsApis(Region region, URI endpoint, AwsCredentialsProvider credentials) {
    this.region = region;
    this.endpoint = endpoint;
    this.credentials =
        credentials == null ? DefaultCredentialsProvider.builder().build() : credentials;
    this.emr =
        new Lazy<>(
            () ->
                configure(EmrServerlessClient.builder())
                    .httpClient(UrlConnectionHttpClient.create())
                    .build());
    this.sfn =
        new Lazy<>(
            () ->
                configure(SfnClient.builder())
                    .httpClient(UrlConnectionHttpClient.create())
                    .build());
    this.athena =
        new Lazy<>(
            () ->
                configure(AthenaClient.builder())
                    .httpClient(UrlConnectionHttpClient.create())
                    .build());
    this.s3 =
        new Lazy<>(
            () ->
                configure(S3Client.builder())
                    .forcePathStyle(endpoint != null)
                    .httpClient(UrlConnectionHttpClient.create())
                    .build());
    this.cloudFormation =
        new Lazy<>(
            () ->
                configure(CloudFormationClient.builder())
                    .httpClient(UrlConnectionHttpClient.create())
                    .build());
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
    builder.credentialsProvider(credentials).overrideConfiguration(AwsClients.retries());
    if (region != null) {
      builder.region(region);
    }
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder;
  }

  @Override
  public EmrServerlessClient emr() {
    return emr.get();
  }

  @Override
  public SfnClient sfn() {
    return sfn.get();
  }

  @Override
  public AthenaClient athena() {
    return athena.get();
  }

  @Override
  public S3Client s3() {
    return s3.get();
  }

  @Override
  public CloudFormationClient cloudFormation() {
    return cloudFormation.get();
  }

  private static final class Lazy<T> {
    private final Supplier<T> factory;
    private T value;

    Lazy(Supplier<T> factory) {
      this.factory = factory;
    }

    synchronized T get() {
      if (value == null) {
        value = factory.get();
      }
      return value;
    }
  }
}
