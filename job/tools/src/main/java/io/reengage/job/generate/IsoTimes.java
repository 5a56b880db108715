package io.reengage.job.generate;

/**
 * Writes epoch milliseconds as the ISO-8601 instant strings SES uses ({@code
 * 2016-10-19T23:21:04.133Z}), and in the other forms SPEC.md allows. Every form that writes a time
 * names the same millisecond once read with truncation below the millisecond, so a form never
 * changes which rows the job returns. Hand-rolled date arithmetic: it runs once per record.
 */
final class IsoTimes {

  /** The ways a time may be written (or not). */
  enum Form {
    /** {@code .133Z}: what SES writes. */
    MILLIS,
    /** Trailing zeros of the milliseconds dropped; no fraction at all on a whole second. */
    MINIMAL,
    /** {@code .133000Z}. */
    MICROS,
    /** {@code .133999999Z}: nanoseconds the reader must truncate, not round. */
    NANOS_TRUNCATED,
    /** {@code .133+02:00}: the same instant in a zone two hours east. */
    OFFSET_EAST,
    /** {@code .133-05:30}: the same instant in a zone five and a half hours west. */
    OFFSET_WEST,
    /** {@code .133+00:00}. */
    OFFSET_ZERO,
    /** No {@code timestamp} key. */
    MISSING,
    /** {@code "timestamp":null}. */
    NULL;

    boolean written() {
      return this != MISSING && this != NULL;
    }
  }

  /** The forms that write a time, for edge cases to cycle through. */
  static final Form[] WRITTEN = {
    Form.MILLIS,
    Form.MINIMAL,
    Form.MICROS,
    Form.NANOS_TRUNCATED,
    Form.OFFSET_EAST,
    Form.OFFSET_WEST,
    Form.OFFSET_ZERO
  };

  private static final long MINUTE = 60_000;

  private IsoTimes() {}

  /** Writes the quoted string for {@code millis} in a written form. */
  static void write(long millis, Form form, ByteSink out) {
    long offsetMinutes =
        switch (form) {
          case OFFSET_EAST -> 120;
          case OFFSET_WEST -> -330;
          default -> 0;
        };
    long local = millis + offsetMinutes * MINUTE;
    long day = Math.floorDiv(local, 86_400_000L);
    long msOfDay = Math.floorMod(local, 86_400_000L);
    out.raw((byte) '"');
    writeDate(day, out);
    out.raw((byte) 'T');
    two(msOfDay / 3_600_000, out);
    out.raw((byte) ':');
    two(msOfDay / 60_000 % 60, out);
    out.raw((byte) ':');
    two(msOfDay / 1000 % 60, out);
    int ms = (int) (msOfDay % 1000);
    switch (form) {
      case MINIMAL -> {
        if (ms != 0) {
          out.raw((byte) '.').raw((byte) ('0' + ms / 100));
          if (ms % 100 != 0) {
            out.raw((byte) ('0' + ms / 10 % 10));
            if (ms % 10 != 0) {
              out.raw((byte) ('0' + ms % 10));
            }
          }
        }
      }
      case MICROS -> three(ms, out).raw((byte) '0').raw((byte) '0').raw((byte) '0');
      case NANOS_TRUNCATED -> {
        three(ms, out);
        for (int i = 0; i < 6; i++) {
          out.raw((byte) '9');
        }
      }
      default -> three(ms, out);
    }
    switch (form) {
      case OFFSET_EAST -> out.raw(ByteSink.ascii("+02:00"));
      case OFFSET_WEST -> out.raw(ByteSink.ascii("-05:30"));
      case OFFSET_ZERO -> out.raw(ByteSink.ascii("+00:00"));
      default -> out.raw((byte) 'Z');
    }
    out.raw((byte) '"');
  }

  /** The proleptic Gregorian date of an epoch day (H. Hinnant's civil-from-days). */
  private static void writeDate(long epochDay, ByteSink out) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) {
      y++;
    }
    out.raw((byte) ('0' + y / 1000 % 10))
        .raw((byte) ('0' + y / 100 % 10))
        .raw((byte) ('0' + y / 10 % 10))
        .raw((byte) ('0' + y % 10))
        .raw((byte) '-');
    two(m, out);
    out.raw((byte) '-');
    two(d, out);
  }

  private static void two(long v, ByteSink out) {
    out.raw((byte) ('0' + v / 10)).raw((byte) ('0' + v % 10));
  }

  private static ByteSink three(int ms, ByteSink out) {
    return out.raw((byte) '.')
        .raw((byte) ('0' + ms / 100))
        .raw((byte) ('0' + ms / 10 % 10))
        .raw((byte) ('0' + ms % 10));
  }
}
