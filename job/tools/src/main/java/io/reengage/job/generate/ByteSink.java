package io.reengage.job.generate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with just the JSON writing the generator needs. Hand-rolled rather than
 * Jackson's generator because nearly every byte of a record is a constant that can be copied in one
 * go.
 */
final class ByteSink {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MIN_LONG =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

  private byte[] buf;
  private int len;

  ByteSink(int initialCapacity) {
    this.buf = new byte[Math.max(16, initialCapacity)];
  }

  int length() {
    return len;
  }

  byte[] array() {
    return buf;
  }

  void reset() {
    len = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  ByteSink raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
    return this;
  }

  ByteSink raw(byte[] bytes, int from, int count) {
    ensure(count);
    System.arraycopy(bytes, from, buf, len, count);
    len += count;
    return this;
  }

  ByteSink raw(byte b) {
    ensure(1);
    buf[len++] = b;
    return this;
  }

  /** Writes already-escaped string content between double quotes. */
  ByteSink quoted(byte[] escapedContent) {
    ensure(escapedContent.length + 2);
    buf[len++] = '"';
    System.arraycopy(escapedContent, 0, buf, len, escapedContent.length);
    len += escapedContent.length;
    buf[len++] = '"';
    return this;
  }

  ByteSink number(long value) {
    if (value == Long.MIN_VALUE) {
      return raw(MIN_LONG);
    }
    ensure(20);
    if (value < 0) {
      buf[len++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    for (int i = len + digits - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + (value % 10));
      value /= 10;
    }
    len += digits;
    return this;
  }

  /** Writes the low {@code digits} hex digits of {@code value}, most significant first. */
  ByteSink hex(long value, int digits) {
    ensure(digits);
    for (int i = digits - 1; i >= 0; i--) {
      buf[len + i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
    len += digits;
    return this;
  }

  /** Escapes {@code s} as JSON string content (without the quotes) in UTF-8. */
  ByteSink escaped(String s) {
    ensure(s.length() * 3);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        ensure(2);
        buf[len++] = '\\';
        buf[len++] = (byte) c;
      } else if (c < 0x20) {
        ensure(6);
        switch (c) {
          case '\n' -> raw((byte) '\\').raw((byte) 'n');
          case '\r' -> raw((byte) '\\').raw((byte) 'r');
          case '\t' -> raw((byte) '\\').raw((byte) 't');
          default -> raw((byte) '\\').raw((byte) 'u').hex(c, 4);
        }
      } else if (c < 0x80) {
        ensure(1);
        buf[len++] = (byte) c;
      } else {
        int codePoint = Character.codePointAt(s, i);
        if (Character.charCount(codePoint) == 2) {
          i++;
        }
        byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        raw(utf8);
      }
    }
    return this;
  }

  static byte[] escape(String s) {
    return new ByteSink(s.length() + 8).escaped(s).toByteArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
