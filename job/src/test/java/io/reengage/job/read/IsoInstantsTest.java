package io.reengage.job.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

  @ParameterizedTest
  @CsvSource({
    // SES's own example: 2016-10-19 is day 17093 since 1970; 23:21:04 is 84064 s into it.
    "2016-10-19T23:21:04.133Z, 1476919264133",
    "2016-10-19T23:21:04Z, 1476919264000",
    "2016-10-19t23:21:04.133z, 1476919264133",
    // One and six fraction digits; below the millisecond is cut, not rounded.
    "2016-10-19T23:21:04.1Z, 1476919264100",
    "2016-10-19T23:21:04.999999Z, 1476919264999",
    "2016-10-19T23:21:04.1339999999999Z, 1476919264133",
    // An offset is subtracted: 01:21:04+02:00 on the 20th is 23:21:04Z on the 19th.
    "2016-10-20T01:21:04.133+02:00, 1476919264133",
    "2016-10-19T18:51:04.133-04:30, 1476919264133",
    "2016-10-19T23:21:04.133+00:00, 1476919264133",
    "2016-10-19T23:21:14.133+00:00:10, 1476919264133",
    // The engagement window start of the test data: 2026-02-28T00:00:00Z = 1772236800 s.
    "2026-02-28T00:00:00.000Z, 1772236800000",
    "2026-02-28T00:00:00.999999999Z, 1772236800999",
    "2026-02-27T23:00:00.5-01:00, 1772236800500",
    "2024-02-29T00:00:00Z, 1709164800000",
    "1970-01-01T00:00:00Z, 0",
    "1969-12-31T23:59:59.999Z, -1",
  })
  void parsesToEpochMillis(String text, long expected) {
    assertThat(IsoInstants.parseMillis(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2016-10-19T23:21:04.133", // no zone: names no instant
        "2016-10-19T23:21:04",
        "2016-10-19 23:21:04Z",
        "2016-10-19T23:21Z", // no seconds
        "2016-10-19T23:21:04.Z", // a point without digits
        "2016-10-19T23:21:04+0200", // offsets are written with a colon
        "2016-10-19T23:21:04+02",
        "2016-10-19T23:21:04+19:00", // beyond the largest offset
        "2016-10-19T24:00:00Z",
        "2016-10-19T23:60:00Z",
        "2016-10-19T23:59:60Z", // leap second
        "2016-02-30T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2016-13-01T00:00:00Z",
        "2016-00-01T00:00:00Z",
        "2016-10-19T23:21:04.133ZZ",
        "2016-10-19T23:21:04.133Z ",
        " 2016-10-19T23:21:04.133Z",
        "+2016-10-19T23:21:04Z",
        "1476919264133",
        "",
        "2016-1-19T23:21:04.133Z",
        "2016-10-19T23:21:04.1a3Z",
      })
  void rejectsWhatIsNotAnInstant(String text) {
    assertThat(IsoInstants.parseMillis(text)).isEqualTo(IsoInstants.INVALID);
  }

  /** java.time as an independent oracle on random instants and offsets, up to 9 digits. */
  @Test
  void agreesWithJavaTimeOnRandomInstants() {
    Random random = new Random(13);
    for (int i = 0; i < 20_000; i++) {
      long second = 946_684_800L + (long) (random.nextDouble() * 2_000_000_000L);
      int nanos = random.nextInt(1_000_000_000);
      int digits = random.nextInt(10);
      int offsetMinutes = random.nextBoolean() ? 0 : (random.nextInt(2 * 18 * 60 + 1) - 18 * 60);
      java.time.OffsetDateTime t =
          Instant.ofEpochSecond(second, nanos)
              .atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
      String fraction =
          digits == 0 ? "" : "." + String.format("%09d", t.getNano()).substring(0, digits);
      String zone = offsetMinutes == 0 && random.nextBoolean() ? "Z" : t.getOffset().getId();
      if ("Z".equals(t.getOffset().getId()) && !"Z".equals(zone)) {
        zone = "+00:00";
      }
      String text =
          String.format(
                  "%04d-%02d-%02dT%02d:%02d:%02d",
                  t.getYear(),
                  t.getMonthValue(),
                  t.getDayOfMonth(),
                  t.getHour(),
                  t.getMinute(),
                  t.getSecond())
              + fraction
              + zone;
      assertThat(IsoInstants.parseMillis(text))
          .as(text)
          .isEqualTo(Instant.parse(text).toEpochMilli());
    }
  }
}
