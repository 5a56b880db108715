package io.reengage.job.bench;

import io.reengage.job.rules.RuleParameters;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * SPEC.md's rules as one DuckDB query over Pinpoint's Firehose files, written the way a DuckDB user
 * would write them: the benchmark's "what a user would pick instead" reference. Pure: it only
 * builds the SQL text.
 *
 * <p>Rule by rule: {@code arrival_timestamp < until} (the job's upper bound); the windows compare
 * {@code arrival_timestamp // 1000} (integer division, truncating, as the query's {@code /1000})
 * strictly; {@code UNION} (DISTINCT) on (destination array, raw milliseconds) with the delivered
 * and engagement columns as the query builds them; {@code UNNEST} one row per array element, NULL
 * or empty arrays none; per address max/min delivered, max engagement and the count of delivered
 * rows; rule 6. Unusable addresses (NULL, empty, white space) are left to the caller, which drops
 * them with the contract's own test, as the job does: DuckDB's regular expressions do not know
 * Unicode's White_Space.
 *
 * <p>Pinpoint records only (SES records have other field names and ISO-8601 times), and machine
 * opens count (the job's default).
 */
public final class DuckDbRules {

  /** How the files' records are separated. */
  public enum Records {
    /** One record per line: what the benchmark generates and Spark's JSON source reads too. */
    NEWLINE_DELIMITED("newline_delimited"),
    /**
     * Records one after another with or without line breaks, as Firehose writes them ({@code }{}).
     */
    CONCATENATED("unstructured");

    private final String duckDbFormat;

    Records(String duckDbFormat) {
      this.duckDbFormat = duckDbFormat;
    }
  }

  /** The result's columns, in order. */
  public static final String ADDRESS = "address";

  public static final String MAX_DELIVERED = "max_delivered_timestamp";
  public static final String MIN_DELIVERED = "min_delivered_timestamp";
  public static final String NUM_DELIVERED = "num_delivered";

  private DuckDbRules() {}

  /**
   * The query: reads every file {@code glob} matches ({@code .gz} files decompressed) and returns
   * one row per unengaged address, unusable ones included.
   */
  public static String unengagedQuery(String glob, Records records, RuleParameters p) {
    String engagementTypes =
        p.engagementTypes().stream()
            .sorted()
            .map(DuckDbRules::literal)
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        """
        WITH events AS (
          SELECT event_type,
                 arrival_timestamp AS ts,
                 facets.email_channel.mail_event.mail.destination AS destination
          FROM read_json(%s,
                         format = '%s',
                         compression = 'auto_detect',
                         columns = {
                           event_type: 'VARCHAR',
                           arrival_timestamp: 'BIGINT',
                           facets: 'STRUCT(email_channel STRUCT(mail_event STRUCT(mail STRUCT(destination VARCHAR[]))))'
                         })
          WHERE arrival_timestamp < %d
        ),
        occurrences AS (
          SELECT destination, ts AS delivered_ts, CAST(NULL AS BIGINT) AS engagement_ts
          FROM events
          WHERE event_type = %s AND ts // 1000 > %d
          UNION
          SELECT destination, CAST(NULL AS BIGINT), ts
          FROM events
          WHERE event_type IN (%s) AND ts // 1000 > %d
        ),
        recipients AS (
          SELECT unnest(destination) AS address, delivered_ts, engagement_ts FROM occurrences
        ),
        per_address AS (
          SELECT address,
                 max(delivered_ts) AS %s,
                 min(delivered_ts) AS %s,
                 max(engagement_ts) AS last_engagement,
                 count(delivered_ts) AS %s
          FROM recipients
          GROUP BY address
        )
        SELECT address, %s, %s, %s
        FROM per_address
        WHERE last_engagement IS NULL AND %s // 1000 < %d AND %s >= %d
        """,
        literal(glob),
        records.duckDbFormat,
        p.untilMillis(),
        literal(RuleParameters.DELIVERED),
        p.deliveredStartSeconds(),
        engagementTypes,
        p.engagementStartSeconds(),
        MAX_DELIVERED,
        MIN_DELIVERED,
        NUM_DELIVERED,
        MAX_DELIVERED,
        MIN_DELIVERED,
        NUM_DELIVERED,
        MIN_DELIVERED,
        p.engagementStartSeconds(),
        NUM_DELIVERED,
        p.minDelivered());
  }

  /**
   * The files of an events folder in Firehose's layout, {@code YYYY/MM/DD/HH/<object>}: four folder
   * levels, so files next to the data (a generated proxy IP list, markers) are not read.
   */
  public static String firehoseGlob(String eventsFolder) {
    String root =
        eventsFolder.endsWith("/")
            ? eventsFolder.substring(0, eventsFolder.length() - 1)
            : eventsFolder;
    return root + "/*/*/*/*/*";
  }

  /** A SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
