package io.reengage.job.read;

/**
 * Parses the ISO-8601 instants SES writes ({@code 2016-10-19T23:21:04.133Z}) into epoch
 * milliseconds, straight from the parser's character buffer: no String, no java.time objects, so a
 * scan of millions of SES records allocates nothing for their times.
 *
 * <p>Accepted: {@code YYYY-MM-DDTHH:MM:SS}, an optional fraction of one or more digits, then {@code
 * Z} or a numeric offset {@code ±HH:MM} (or {@code ±HH:MM:SS}); {@code T} and {@code Z} in either
 * case. This is what {@link java.time.Instant#parse} accepts, except that any number of fraction
 * digits is allowed (SPEC.md: "any number of fraction digits"). Digits below the millisecond are
 * truncated (toward the past, as {@link java.time.Instant#toEpochMilli} does). Rejected: a missing
 * zone (an instant without one names no moment), missing seconds, out-of-range fields, a day the
 * month does not have, and a leap second.
 */
final class IsoInstants {

  /** Returned for text that is not such an instant; no real instant of years 0000-9999 is this. */
  static final long INVALID = Long.MIN_VALUE;

  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private IsoInstants() {}

  static long parseMillis(String s) {
    return parseMillis(s.toCharArray(), 0, s.length());
  }

  static long parseMillis(char[] c, int off, int len) {
    int end = off + len;
    if (len < 20) { // the shortest form: 2016-10-19T23:21:04Z
      return INVALID;
    }
    int year = digits(c, off, 4);
    int month = digits(c, off + 5, 2);
    int day = digits(c, off + 8, 2);
    int hour = digits(c, off + 11, 2);
    int minute = digits(c, off + 14, 2);
    int second = digits(c, off + 17, 2);
    if ((year | month | day | hour | minute | second) < 0
        || c[off + 4] != '-'
        || c[off + 7] != '-'
        || (c[off + 10] != 'T' && c[off + 10] != 't')
        || c[off + 13] != ':'
        || c[off + 16] != ':') {
      return INVALID;
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return INVALID;
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return INVALID;
    }
    int i = off + 19;
    int millis = 0;
    if (c[i] == '.' || c[i] == ',') {
      i++;
      int start = i;
      while (i < end && c[i] >= '0' && c[i] <= '9') {
        if (i - start < 3) {
          millis = millis * 10 + (c[i] - '0');
        }
        i++;
      }
      int n = i - start;
      if (n == 0) {
        return INVALID;
      }
      for (int k = n; k < 3; k++) {
        millis *= 10;
      }
    }
    if (i >= end) {
      return INVALID; // no zone
    }
    int offsetSeconds;
    char z = c[i];
    if (z == 'Z' || z == 'z') {
      offsetSeconds = 0;
      i++;
    } else if (z == '+' || z == '-') {
      if (end - i != 6 && end - i != 9) {
        return INVALID;
      }
      int oh = digits(c, i + 1, 2);
      int om = digits(c, i + 4, 2);
      int os = 0;
      if (c[i + 3] != ':' || oh < 0 || om < 0 || om > 59) {
        return INVALID;
      }
      if (end - i == 9) {
        os = digits(c, i + 7, 2);
        if (c[i + 6] != ':' || os < 0 || os > 59) {
          return INVALID;
        }
      }
      offsetSeconds = oh * 3600 + om * 60 + os;
      if (offsetSeconds > MAX_OFFSET_SECONDS) {
        return INVALID;
      }
      if (z == '-') {
        offsetSeconds = -offsetSeconds;
      }
      i = end;
    } else {
      return INVALID;
    }
    if (i != end) {
      return INVALID;
    }
    long epochSecond =
        epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return epochSecond * 1000L + millis;
  }

  /** The value of {@code n} ASCII digits at {@code at}, or -1 when one is not a digit. */
  private static int digits(char[] c, int at, int n) {
    int v = 0;
    for (int k = 0; k < n; k++) {
      int d = c[at + k] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-calendar day count). */
  private static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }
}
