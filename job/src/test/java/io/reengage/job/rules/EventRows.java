package io.reengage.job.rules;

import io.reengage.job.read.EventColumns;
import io.reengage.job.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Builds hand-written event rows for rule tests and reads results back as plain values. */
final class EventRows {

  private final List<Row> rows = new ArrayList<>();

  EventRows delivered(long ms, String... to) {
    return add(RuleParameters.DELIVERED, ms, to);
  }

  EventRows open(long ms, String... to) {
    return add("_email.open", ms, to);
  }

  /** An open the reader classified as a machine open (SPEC.md "Machine opens"). */
  EventRows machineOpen(long ms, String... to) {
    rows.add(RowFactory.create("_email.open", ms, to, true));
    return this;
  }

  EventRows click(long ms, String... to) {
    return add("_email.click", ms, to);
  }

  EventRows add(String type, long ms, String[] to) {
    rows.add(RowFactory.create(type, ms, to, false));
    return this;
  }

  Dataset<Row> dataset() {
    return SparkTestSession.get().createDataFrame(rows, EventColumns.SCHEMA);
  }

  /** One result row of the rules: the four attributes of SPEC.md rule 5. */
  record Attributes(long maxDelivered, long minDelivered, Long lastEngagement, long numDelivered) {}

  static Map<String, Attributes> collect(Dataset<Row> result) {
    Map<String, Attributes> map = new HashMap<>();
    for (Row r : result.collectAsList()) {
      Attributes previous =
          map.put(
              r.getString(0),
              new Attributes(
                  r.isNullAt(1) ? Long.MIN_VALUE : r.getLong(1),
                  r.isNullAt(2) ? Long.MIN_VALUE : r.getLong(2),
                  r.isNullAt(3) ? null : r.getLong(3),
                  r.getLong(4)));
      if (previous != null) {
        throw new AssertionError("address appears twice in the result");
      }
    }
    return map;
  }
}
