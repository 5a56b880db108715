package io.reengage.job.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts per bucket, in bucket order. */
public record Histogram(Buckets buckets, List<Long> counts) {

  public Histogram {
    counts = List.copyOf(counts);
    if (counts.size() != buckets.size()) {
      throw new IllegalArgumentException(
          counts.size() + " counts for " + buckets.size() + " buckets");
    }
  }

  public long total() {
    return counts.stream().mapToLong(Long::longValue).sum();
  }

  /** The summary's form: one entry per bucket with its label, range and count. */
  public List<Map<String, Object>> toList() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("label", buckets.label(i));
      row.put("from", buckets.lower(i));
      row.put("to", buckets.upper(i));
      row.put("count", counts.get(i));
      rows.add(row);
    }
    return rows;
  }
}
