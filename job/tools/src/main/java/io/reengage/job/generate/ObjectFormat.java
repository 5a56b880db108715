package io.reengage.job.generate;

/**
 * How the records of one object are laid out. The first four come from {@link FormatMix}; the CRLF
 * and byte-order-mark variants appear only with edge cases, because the reader must accept them
 * (DESIGN.md, Reading).
 */
public enum ObjectFormat {
  NDJSON(false, "\n", false),
  CONCATENATED(false, "", false),
  GZIP_NDJSON(true, "\n", false),
  GZIP_CONCATENATED(true, "", false),
  NDJSON_CRLF(false, "\r\n", false),
  NDJSON_BOM(false, "\n", true);

  private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

  private final boolean gzip;
  private final byte[] separator;
  private final boolean byteOrderMark;

  ObjectFormat(boolean gzip, String separator, boolean byteOrderMark) {
    this.gzip = gzip;
    this.separator = ByteSink.ascii(separator);
    this.byteOrderMark = byteOrderMark;
  }

  public boolean gzip() {
    return gzip;
  }

  /** Bytes written after every record, the last one included. */
  byte[] separator() {
    return separator;
  }

  byte[] prefix() {
    return byteOrderMark ? BOM : new byte[0];
  }
}
