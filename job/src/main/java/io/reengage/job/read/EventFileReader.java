package io.reengage.job.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;

/**
 * Streams Firehose objects (plain or gzip, NDJSON or concatenated) into events, one object at a
 * time. One reader serves one thread: it reuses its read buffer from object to object.
 *
 * <p>Compression is detected from the first bytes, not the file name: Firehose's GZIP output is not
 * reliably named {@code .gz}. Memory use is one read buffer plus the largest record. Events are
 * pulled a chunk at a time ({@link OpenFile#step}), so a caller can turn a file into a lazy
 * iterator.
 */
public final class EventFileReader {

  /** Receives each kept event. The destination array is owned by the callee afterwards. */
  public interface EventSink {
    void event(String eventType, long arrivalTimestamp, String[] destination, boolean machineOpen);
  }

  /** Records larger than this are counted as bad instead of being buffered without bound. */
  public static final int MAX_RECORD_BYTES = 64 << 20;

  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;

  private final ReadFilter filter;
  private final EventRecordParser parser;
  // The read buffer of the last closed file, reused by the next: one reader serves one thread.
  private byte[] spareBuffer;

  public EventFileReader(ReadFilter filter) {
    this.filter = filter;
    this.parser =
        new EventRecordParser(new EventTypeFilter(filter.eventTypes()), filter.machineOpens());
  }

  /** A file being read; closing it closes the underlying stream. */
  public final class OpenFile implements AutoCloseable {
    private final InputStream in;
    private final RecordSplitter splitter;
    private final ReadCounts counts;
    private EventSink sink;
    private final RecordSplitter.Sink records =
        new RecordSplitter.Sink() {
          @Override
          public void record(byte[] buffer, int offset, int length) {
            counts.records++;
            EventRecordParser.Outcome outcome = parser.parse(buffer, offset, length);
            switch (parser.source()) {
              case PINPOINT -> counts.pinpointRecords++;
              case SES -> counts.sesRecords++;
              case NONE -> {}
            }
            switch (outcome) {
              case BAD -> counts.badRecords++;
              case IGNORED -> counts.ignoredRecords++;
              case EVENT -> {
                if (parser.hasTimestamp() && filter.inRange(parser.arrivalTimestamp())) {
                  counts.events++;
                  sink.event(
                      parser.eventType(),
                      parser.arrivalTimestamp(),
                      parser.destination(),
                      parser.machineOpen());
                } else {
                  counts.outOfRange++;
                }
              }
            }
          }

          @Override
          public void malformed() {
            counts.records++;
            counts.badRecords++;
          }
        };

    private OpenFile(InputStream in, ReadCounts counts) {
      this.in = in;
      this.counts = counts;
      this.splitter = new RecordSplitter(in, MAX_RECORD_BYTES, spareBuffer);
      spareBuffer = null;
    }

    /**
     * Delivers the events of the next chunk to the sink; false at the end of the file. An I/O error
     * (a truncated gzip stream, a dropped connection) is thrown after the events before it were
     * delivered, so a damaged file still yields what it holds.
     */
    public boolean step(EventSink eventSink) throws IOException {
      this.sink = eventSink;
      return splitter.step(records);
    }

    @Override
    public void close() throws IOException {
      spareBuffer = splitter.reusableBuffer();
      in.close();
    }
  }

  public OpenFile open(InputStream raw, ReadCounts counts) throws IOException {
    return new OpenFile(decompressIfGzip(new PushbackInputStream(raw, 2)), counts);
  }

  /** Reads a whole stream; for tests and the benchmark floor. */
  public void readAll(InputStream raw, ReadCounts counts, EventSink sink) throws IOException {
    try (OpenFile file = open(raw, counts)) {
      while (file.step(sink)) {
        // next chunk
      }
    }
  }

  private static InputStream decompressIfGzip(PushbackInputStream in) throws IOException {
    // The splitter reads in large chunks itself; only the two magic bytes need to be peeked at.
    int b1 = in.read();
    int b2 = b1 < 0 ? -1 : in.read();
    if (b2 >= 0) {
      in.unread(b2);
    }
    if (b1 >= 0) {
      in.unread(b1);
    }
    if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
      // GZIPInputStream also reads concatenated gzip members, as some writers produce.
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }
}
