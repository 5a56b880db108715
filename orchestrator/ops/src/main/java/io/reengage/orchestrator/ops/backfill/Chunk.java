package io.reengage.orchestrator.ops.backfill;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** A range of whole UTC days, both ends included, that one {@code reengage rollup} run covers. */
public record Chunk(LocalDate from, LocalDate to) {

  public Chunk {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("Invalid chunk: " + from + " after " + to);
    }
  }

  public List<LocalDate> days() {
    return Stream.iterate(from, d -> !d.isAfter(to), d -> d.plusDays(1)).toList();
  }

  @Override
  public String toString() {
    return from + ".." + to;
  }
}
