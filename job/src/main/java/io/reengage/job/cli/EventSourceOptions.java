package io.reengage.job.cli;

import io.reengage.job.read.EventTypeAliases;
import io.reengage.job.read.FolderLayout;
import io.reengage.job.segment.SegmentSettings;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options that say where events are and how to read them; shared by segment and rollup. */
final class EventSourceOptions {

  @Option(
      names = "--events",
      required = true,
      paramLabel = "URI",
      description =
          "Root of the Firehose event objects: a local folder, file:, s3a:// or s3:// URI (or a single file).")
  String events;

  @Option(
      names = "--engagement-types",
      paramLabel = "TYPE",
      split = ",",
      defaultValue = "_email.open,_email.click",
      description =
          "Event types that count as engagement, comma-separated, by their Pinpoint names; SES's"
              + " Open and Click are accepted for _email.open and _email.click. Default:"
              + " ${DEFAULT-VALUE}.")
  List<String> engagementTypes;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      defaultValue = "auto",
      description =
          "Folder layout under --events: firehose (YYYY/MM/DD/HH/), hive (year=/month=/day=/hour=),"
              + " flat (read every file), or auto (detect). Default: ${DEFAULT-VALUE}.")
  String layout;

  @Option(
      names = "--late-arrival-hours",
      paramLabel = "H",
      defaultValue = "" + SegmentSettings.DEFAULT_LATE_ARRIVAL_HOURS,
      description =
          "How many hours after an event's arrival its Firehose hour folder may be; folders outside"
              + " the range widened by this are not read. Default: ${DEFAULT-VALUE}.")
  int lateArrivalHours;

  @Option(
      names = "--max-bad-fraction",
      paramLabel = "F",
      defaultValue = "" + SegmentSettings.DEFAULT_MAX_BAD_FRACTION,
      description =
          "Fail when more than this share of records is not valid JSON or has a wrongly typed"
              + " field (0 = fail on the first). Bad records below it are skipped and counted. Default: ${DEFAULT-VALUE}.")
  double maxBadFraction;

  @Option(names = "--verbose", description = "Print stack traces on failure.")
  boolean verbose;

  Set<String> engagementTypes() {
    return EventTypeAliases.canonical(engagementTypes.stream().map(String::trim).toList());
  }

  FolderLayout layout() {
    return FolderLayout.parse(layout);
  }
}
