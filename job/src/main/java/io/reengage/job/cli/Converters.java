package io.reengage.job.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters with messages that say what a valid value looks like. */
final class Converters {

  private Converters() {}

  static final class Day implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value.trim());
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a date (use YYYY-MM-DD, e.g. 2026-08-31)");
      }
    }
  }

  /** An ISO-8601 instant ({@code 2026-09-01T00:00:00Z}) or epoch milliseconds. */
  static final class InstantOrMillis implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      String v = value.trim();
      if (v.matches("-?\\d+")) {
        try {
          return Instant.ofEpochMilli(Long.parseLong(v));
        } catch (NumberFormatException e) {
          // too long for a long: fall through to the error below
        }
      } else {
        try {
          return Instant.parse(v);
        } catch (DateTimeParseException e) {
          // fall through
        }
      }
      throw new TypeConversionException(
          "'"
              + value
              + "' is not an instant (use ISO-8601 like 2026-09-01T00:00:00Z, or epoch milliseconds)");
    }
  }
}
