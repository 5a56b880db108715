package io.reengage.job.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Groups records into objects as Firehose's buffer does: an object opens with the first record to
 * arrive and closes when the buffer interval has passed or the buffer size would be exceeded. The
 * folder and the name's timestamp come from the oldest record, so the later records of an object
 * may belong to the next hour, or day. Records must come in ascending Firehose time; buffers run on
 * across midnight, as Firehose's do.
 *
 * <p>Each object's format and random name suffix come from a seed derived from its index, so the
 * result does not depend on which thread writes it. Objects holding edge-case records cycle through
 * every {@link ObjectFormat}, the CRLF and byte-order-mark variants included.
 */
final class ObjectCutter {

  private final GeneratorSettings settings;
  private final Consumer<FirehoseObject> sink;
  private final long intervalMillis;
  private final long maxBytes;
  private List<PlannedEvent> open;
  private long openStart;
  private long openBytes;
  private boolean openHasEdge;
  private long nextIndex;
  private int edgeObjects;
  private long lastFirehose = Long.MIN_VALUE;

  ObjectCutter(GeneratorSettings settings, Consumer<FirehoseObject> sink) {
    this.settings = settings;
    this.sink = sink;
    this.intervalMillis = settings.bufferSeconds() * 1000L;
    this.maxBytes = settings.bufferMb() * 1024L * 1024L;
  }

  void accept(PlannedEvent e) {
    if (e.firehose < lastFirehose) {
      throw new IllegalStateException(
          "Records out of Firehose order: " + e.firehose + " after " + lastFirehose);
    }
    lastFirehose = e.firehose;
    int size = RecordEncoder.estimateSize(e);
    if (open != null && (e.firehose >= openStart + intervalMillis || openBytes + size > maxBytes)) {
      close();
    }
    if (open == null) {
      open = new ArrayList<>();
      openStart = e.firehose;
      openBytes = 0;
      openHasEdge = false;
    }
    open.add(e);
    openBytes += size;
    openHasEdge |= e.edge;
  }

  void finish() {
    if (open != null) {
      close();
    }
  }

  private void close() {
    long index = nextIndex++;
    SplittableRandom rng = new SplittableRandom(Seeds.mix(settings.seed(), Seeds.OBJECT, index));
    ObjectFormat format = settings.formatMix().pick(rng.nextDouble(), rng.nextDouble());
    if (openHasEdge) {
      ObjectFormat[] all = ObjectFormat.values();
      format = all[edgeObjects++ % all.length];
    }
    sink.accept(new FirehoseObject(index, openStart, format, path(openStart, format, rng), open));
    open = null;
  }

  private String path(long start, ObjectFormat format, SplittableRandom rng) {
    ZonedDateTime t = Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC);
    String name =
        String.format(
            Locale.ROOT,
            "%s-1-%04d-%02d-%02d-%02d-%02d-%02d-%08x-%04x-%04x-%04x-%012x",
            settings.streamName(),
            t.getYear(),
            t.getMonthValue(),
            t.getDayOfMonth(),
            t.getHour(),
            t.getMinute(),
            t.getSecond(),
            rng.nextInt(),
            rng.nextInt(0x10000),
            0x4000 | rng.nextInt(0x1000),
            0x8000 | rng.nextInt(0x4000),
            rng.nextLong() & 0xffffffffffffL);
    return settings.layout().folder(t) + name + (format.gzip() ? ".gz" : "");
  }
}
