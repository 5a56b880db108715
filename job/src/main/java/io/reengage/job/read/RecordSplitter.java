package io.reengage.job.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream of JSON records into one slice per record, without parsing them.
 *
 * <p>Firehose writes Pinpoint events either one per line or concatenated with no delimiter at all
 * ({@code }{}), and Spark's JSON source reads neither mix reliably. The splitter tracks only string
 * state and brace depth, so it handles both layouts, CRLF and blank lines, and stays in step after
 * a broken record: a raw line break can never occur inside a valid JSON record's string, so a line
 * break seen inside a string ends the broken record and scanning restarts on the next line.
 *
 * <p>Memory is bounded by the largest record (plus one read buffer), never by the file. A record
 * that would grow beyond {@code maxRecordBytes} is reported as one oversized bad record and
 * skipped.
 */
public final class RecordSplitter {

  /** Receives each complete record slice, or the fact that a malformed stretch was skipped. */
  public interface Sink {
    void record(byte[] buffer, int offset, int length);

    /**
     * A stretch of bytes that cannot be a JSON object record (stray text, unbalanced braces, too
     * big).
     */
    void malformed();
  }

  private static final int READ_CHUNK = 1 << 16;

  /** Buffers up to this size are handed back for reuse; a larger one held a rare huge record. */
  private static final int REUSABLE_BUFFER_BYTES = 1 << 20;

  // Byte classes, looked up instead of compared one by one in the hot loops.
  private static final boolean[] STRING_STOP = new boolean[256];
  private static final byte[] STRUCTURE = new byte[256];
  private static final byte OTHER = 0;
  private static final byte QUOTE = 1;
  private static final byte LINE_BREAK = 2;
  private static final byte OPEN = 3;
  private static final byte CLOSE = 4;

  static {
    for (char c : new char[] {'"', '\\', '\n', '\r'}) {
      STRING_STOP[c] = true;
    }
    STRUCTURE['"'] = QUOTE;
    STRUCTURE['\n'] = LINE_BREAK;
    STRUCTURE['\r'] = LINE_BREAK;
    STRUCTURE['{'] = OPEN;
    STRUCTURE['['] = OPEN;
    STRUCTURE['}'] = CLOSE;
    STRUCTURE[']'] = CLOSE;
  }

  private final InputStream in;
  private final int maxRecordBytes;
  // Grows to the largest record; starts at two chunks, as most Firehose objects are small.
  private byte[] buf;
  private int start; // first byte of the record being assembled (or of unscanned data)
  private int pos; // next byte to scan
  private int limit; // end of valid data in buf

  // Scanner state for the record starting at 'start'.
  private int depth;
  private boolean inString;
  private boolean escaped;
  private boolean inJunk; // skipping non-object bytes at top level until the next line break
  private boolean oversized; // current record exceeded maxRecordBytes: skip to its end
  private boolean started;
  private boolean finished;
  // Index in buf of the first line break outside strings in the record being assembled, or -1. A
  // record that cannot be completed (end of stream, or too big) and spans a line break is most
  // likely a truncated line followed by good records: scanning restarts after that line break.
  private int lineBreakAt = -1;
  // After such a restart, stray lines up to the next record belong to the broken stretch already
  // counted, so they are not counted again.
  private boolean resyncing;
  // Restarts rescan bytes already scanned; this caps that work per file, so a file of nothing but
  // unclosed lines costs a bounded amount. Once spent, a broken stretch is one malformed record.
  private long rescanBudget;

  public RecordSplitter(InputStream in, int maxRecordBytes) {
    this(in, maxRecordBytes, null);
  }

  /**
   * A splitter that reads into {@code buffer} (from {@link #reusableBuffer} of an earlier splitter)
   * when it is given: tens of thousands of small objects per task would otherwise each allocate and
   * zero a fresh buffer several times their size.
   */
  public RecordSplitter(InputStream in, int maxRecordBytes, byte[] buffer) {
    this.in = in;
    this.maxRecordBytes = maxRecordBytes;
    this.rescanBudget = 4L * maxRecordBytes;
    this.buf =
        buffer != null && buffer.length >= READ_CHUNK * 2 ? buffer : new byte[READ_CHUNK * 2];
  }

  /**
   * This splitter's buffer, for the next splitter to reuse, or null when it grew too large to keep.
   */
  public byte[] reusableBuffer() {
    return buf.length <= REUSABLE_BUFFER_BYTES ? buf : null;
  }

  /** Splits the whole stream, calling the sink once per record or malformed stretch. */
  public void run(Sink sink) throws IOException {
    while (step(sink)) {
      // keep going
    }
  }

  /**
   * Reads one more chunk and reports the records completed in it; false once the stream is
   * exhausted. Lets a caller pull records lazily with at most one chunk's worth pending.
   */
  public boolean step(Sink sink) throws IOException {
    if (!started) {
      started = true;
      skipByteOrderMark();
      if (pos < limit) {
        scan(sink);
        return true;
      }
    }
    if (finished) {
      return false;
    }
    if (pos == limit && !fill()) {
      finished = true;
      // End of stream inside a record. When the record spans lines, only its first line is broken
      // (a truncated line): count it and read on from the next line. Otherwise the tail is one
      // malformed record (a truncated file). Junk was counted when it began.
      while (depth > 0 && canRestart()) {
        restartAfterLineBreak(sink);
        scan(sink);
      }
      if (depth > 0) {
        sink.malformed();
      }
      return false;
    }
    scan(sink);
    return true;
  }

  private void scan(Sink sink) {
    final byte[] b = buf;
    final int end = limit;
    int p = pos;
    // The hot state lives in locals, so the JIT keeps it in registers across the loop; it is
    // written
    // back before anything that reads the fields (a broken record, the end of the chunk).
    int d = depth;
    boolean str = inString;
    boolean esc = escaped;
    while (p < end) {
      if (str) {
        if (esc) {
          esc = false;
          p++;
          continue;
        }
        // Most bytes of a record are inside strings: skip the plain ones in a tight loop.
        while (p < end && !STRING_STOP[b[p] & 0xFF]) {
          p++;
        }
        if (p == end) {
          break;
        }
        byte c = b[p];
        if (c == '\\') {
          esc = true;
        } else if (c == '"') {
          str = false;
        } else {
          // A raw line break cannot be inside a JSON string: this record is broken.
          resetAfterBrokenRecord(sink);
          d = 0;
          str = false;
          esc = false;
          start = p + 1;
        }
        p++;
        continue;
      }
      byte c = b[p];
      if (d == 0) {
        if (inJunk) {
          if (c == '\n' || c == '\r') {
            inJunk = false;
          }
          p++;
          start = p;
          continue;
        }
        if (c == '{') {
          start = p;
          d = 1;
          oversized = false;
          lineBreakAt = -1;
          resyncing = false;
        } else if (!isWhitespace(c)) {
          // Arrays, numbers, null or stray text as a record: skip the rest of the line.
          if (!resyncing) {
            sink.malformed();
          }
          inJunk = true;
        }
        p++;
        if (d == 0) {
          start = p;
        }
        continue;
      }
      switch (STRUCTURE[c & 0xFF]) {
        case QUOTE -> str = true;
        case LINE_BREAK -> {
          if (lineBreakAt < 0) {
            lineBreakAt = p;
          }
        }
        case OPEN -> d++;
        case CLOSE -> {
          d--;
          if (d == 0) {
            if (oversized) {
              sink.malformed();
              oversized = false;
            } else {
              sink.record(b, start, p + 1 - start);
            }
            start = p + 1;
          }
        }
        default -> {
          // a value byte between strings: nothing to track
        }
      }
      p++;
    }
    pos = p;
    depth = d;
    inString = str;
    escaped = esc;
    if (d > 0 && !oversized && pos - start > maxRecordBytes) {
      if (canRestart()) {
        restartAfterLineBreak(sink);
        scan(sink);
        return;
      }
      oversized = true;
    }
    if (oversized) {
      // Drop what has been scanned of an oversized record; only its end matters now.
      start = pos;
    }
  }

  private void resetAfterBrokenRecord(Sink sink) {
    sink.malformed();
    depth = 0;
    inString = false;
    escaped = false;
    oversized = false;
    lineBreakAt = -1;
  }

  private boolean canRestart() {
    return lineBreakAt >= 0 && !oversized && rescanBudget > 0;
  }

  /** Counts the record's first line as malformed and rescans from the line after it. */
  private void restartAfterLineBreak(Sink sink) {
    rescanBudget -= limit - lineBreakAt;
    sink.malformed();
    pos = lineBreakAt + 1;
    start = pos;
    depth = 0;
    inString = false;
    escaped = false;
    lineBreakAt = -1;
    resyncing = true;
  }

  private static boolean isWhitespace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /**
   * Moves the unfinished record to the front of the buffer and reads more bytes; false at end of
   * stream.
   */
  private boolean fill() throws IOException {
    if (depth == 0 && !inString) {
      start = pos; // nothing pending
    }
    int pending = limit - start;
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, pending);
      pos -= start;
      if (lineBreakAt >= 0) {
        lineBreakAt -= start;
      }
      start = 0;
      limit = pending;
    }
    if (buf.length - limit < READ_CHUNK) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, limit + READ_CHUNK));
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n <= 0) {
      return false;
    }
    limit += n;
    return true;
  }

  private void skipByteOrderMark() throws IOException {
    while (limit < 3) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n <= 0) {
        break;
      }
      limit += n;
    }
    if (limit >= 3
        && (buf[0] & 0xFF) == 0xEF
        && (buf[1] & 0xFF) == 0xBB
        && (buf[2] & 0xFF) == 0xBF) {
      pos = 3;
      start = 3;
    }
  }
}
