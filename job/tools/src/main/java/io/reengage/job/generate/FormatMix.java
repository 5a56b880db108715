package io.reengage.job.generate;

import java.util.Locale;

/**
 * Shares of objects written as newline-delimited JSON, as Firehose's concatenated records (no
 * delimiter at all), and gzip-compressed. Gzip objects hold newline-delimited or concatenated
 * records in the ratio of the first two shares (newline-delimited when both are zero). Shares are
 * weights: they need not sum to 1.
 *
 * @param ndjson weight of plain newline-delimited objects
 * @param concatenated weight of plain concatenated objects
 * @param gzip weight of gzip objects ({@code .gz})
 */
public record FormatMix(double ndjson, double concatenated, double gzip) {

  public static final String DEFAULT_TEXT = "ndjson=60,concatenated=25,gzip=15";

  public FormatMix {
    check("ndjson", ndjson);
    check("concatenated", concatenated);
    check("gzip", gzip);
    if (ndjson + concatenated + gzip <= 0) {
      throw new IllegalArgumentException(
          "Invalid --format-mix: all shares are 0 (give at least one of ndjson, concatenated, gzip a share > 0)");
    }
  }

  private static void check(String name, double share) {
    if (!(share >= 0) || Double.isInfinite(share)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "Invalid --format-mix: %s=%s (must be a number >= 0)", name, share));
    }
  }

  public static FormatMix defaults() {
    return parse(DEFAULT_TEXT);
  }

  /**
   * Parses {@code ndjson=60,concatenated=25,gzip=15}; names may be left out (share 0), each at most
   * once.
   */
  public static FormatMix parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "Invalid --format-mix: empty (expected e.g. " + DEFAULT_TEXT + ")");
    }
    double[] shares = {0, 0, 0};
    boolean[] seen = new boolean[3];
    for (String part : text.split(",", -1)) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "Invalid --format-mix: '"
                + part.strip()
                + "' (expected name=share, e.g. "
                + DEFAULT_TEXT
                + ")");
      }
      String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      int index =
          switch (name) {
            case "ndjson" -> 0;
            case "concatenated" -> 1;
            case "gzip" -> 2;
            default ->
                throw new IllegalArgumentException(
                    "Invalid --format-mix: unknown format '"
                        + name
                        + "' (use ndjson, concatenated, gzip)");
          };
      if (seen[index]) {
        throw new IllegalArgumentException("Invalid --format-mix: '" + name + "' given twice");
      }
      seen[index] = true;
      String value = part.substring(eq + 1).strip();
      try {
        shares[index] = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Invalid --format-mix: " + name + "=" + value + " (must be a number >= 0)");
      }
    }
    return new FormatMix(shares[0], shares[1], shares[2]);
  }

  /** Picks a format for one object from a uniform draw {@code u} in [0, 1). */
  ObjectFormat pick(double u, double innerU) {
    double total = ndjson + concatenated + gzip;
    double x = u * total;
    if (x < ndjson) {
      return ObjectFormat.NDJSON;
    }
    if (x < ndjson + concatenated) {
      return ObjectFormat.CONCATENATED;
    }
    double plain = ndjson + concatenated;
    boolean innerConcatenated = plain > 0 && innerU * plain >= ndjson;
    return innerConcatenated ? ObjectFormat.GZIP_CONCATENATED : ObjectFormat.GZIP_NDJSON;
  }

  @Override
  public String toString() {
    return "ndjson=" + fmt(ndjson) + ",concatenated=" + fmt(concatenated) + ",gzip=" + fmt(gzip);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
