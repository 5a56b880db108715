package io.reengage.contract;

import java.util.List;

/**
 * The Pinpoint import CSV (SPEC.md, Output): its header, and the RFC 4180 encoding the job writes.
 *
 * <p>A field is quoted only when it contains a comma, a double quote, CR or LF, and inner quotes
 * are doubled; so no address can break a row or shift a column. Leading and trailing spaces are
 * kept as they are (Spark's CSV writer would trim them by default, which would change the address).
 */
public final class ImportCsv {

  public static final String HEADER =
      "ChannelType,Id,Address,Attributes.max_delivered_timestamp,"
          + "Attributes.min_delivered_timestamp,Attributes.last_engagement,Attributes.num_delivered";

  /** The header's seven field names, in order. */
  public static final List<String> HEADER_FIELDS = List.of(HEADER.split(","));

  /** Position of {@code Id} (the address) in a row. */
  public static final int ID = 1;

  /** The channel of every row the job writes. */
  public static final String CHANNEL_TYPE = "EMAIL";

  private ImportCsv() {}

  /** Appends one field, quoted when needed. A null field is written empty. */
  public static void appendField(StringBuilder line, String value) {
    if (value == null) {
      return;
    }
    if (!needsQuotes(value)) {
      line.append(value);
      return;
    }
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        line.append('"');
      }
      line.append(c);
    }
    line.append('"');
  }

  public static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /**
   * One import row, without the line break: {@code EMAIL,<address>,<address>,max,min,,count}.
   * {@code lastEngagement} is always empty for an unengaged address but written when given.
   */
  public static String importRow(
      String address,
      long maxDelivered,
      long minDelivered,
      Long lastEngagement,
      long numDelivered) {
    StringBuilder line = new StringBuilder(64 + 2 * address.length());
    line.append(CHANNEL_TYPE).append(',');
    appendField(line, address);
    line.append(',');
    appendField(line, address);
    line.append(',').append(maxDelivered);
    line.append(',').append(minDelivered);
    line.append(',');
    if (lastEngagement != null) {
      line.append(lastEngagement.longValue());
    }
    line.append(',').append(numDelivered);
    return line.toString();
  }
}
