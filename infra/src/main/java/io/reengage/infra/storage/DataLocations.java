package io.reengage.infra.storage;

import java.util.Optional;

/**
 * Where the data of reengage lives: the Firehose events, and the folders of the work bucket.
 *
 * @param events root of the Firehose hour folders
 * @param eventsKmsKeyArn the key of an events bucket encrypted with a customer KMS key, if any
 * @param runs one folder per run: the import CSVs, summary.json, the cross-check report
 * @param rollups per-day aggregates that let a run skip rescanning old raw events
 * @param logs EMR Serverless job logs
 * @param athenaResults results of the Athena cross-check query
 */
public record DataLocations(
    S3Prefix events,
    Optional<String> eventsKmsKeyArn,
    S3Prefix runs,
    S3Prefix rollups,
    S3Prefix logs,
    S3Prefix athenaResults) {}
