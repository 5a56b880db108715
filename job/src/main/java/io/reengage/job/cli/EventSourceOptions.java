package io.reengage.job.cli;

import io.reengage.job.machineopen.MachineOpenSettings;
import io.reengage.job.read.EventTypeAliases;
import io.reengage.job.read.FolderLayout;
import io.reengage.job.rules.MachineOpenMode;
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
          "Root of the Firehose event objects, Pinpoint's or SES's or both (told apart per record):"
              + " a local folder, file:, s3a:// or s3:// URI (or a single file). Repeat it to read"
              + " several roots in one run (e.g. the old Pinpoint stream's and the new SES stream's);"
              + " each is listed with its own layout detection.")
  List<String> events;

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

  @Option(
      names = "--machine-opens",
      paramLabel = "MODE",
      defaultValue = "count",
      description =
          "What machine opens (opens a mail privacy proxy such as Apple's made, not a reader) do:"
              + " count (as engagement, the query's behaviour) or ignore (dropped before the"
              + " duplicate collapse). The summary reports machineOpens and"
              + " unengagedIgnoringMachineOpens either way. Default: ${DEFAULT-VALUE}.")
  String machineOpens;

  @Option(
      names = "--machine-open-ips",
      paramLabel = "FILE",
      description =
          "IP ranges (local path or S3 URI) in the format of Apple's iCloud Private Relay egress"
              + " list (https://mask-api.icloud.com/egress-ip-ranges.csv: prefix,country,region,city"
              + " per line, # comments): an open with user agent Mozilla/5.0 is a machine open only"
              + " when its IP is in one of them. Default: the user agent alone decides.")
  String machineOpenIps;

  @Option(names = "--verbose", description = "Print stack traces on failure.")
  boolean verbose;

  Set<String> engagementTypes() {
    return EventTypeAliases.canonical(engagementTypes.stream().map(String::trim).toList());
  }

  MachineOpenSettings machineOpens() {
    return new MachineOpenSettings(MachineOpenMode.parse(machineOpens), machineOpenIps);
  }

  FolderLayout layout() {
    return FolderLayout.parse(layout);
  }
}
