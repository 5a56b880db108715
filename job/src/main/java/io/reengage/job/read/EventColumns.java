package io.reengage.job.read;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The schema of parsed events: the three fields of SPEC.md, named as in the Athena query's source.
 */
public final class EventColumns {

  public static final String EVENT_TYPE = "event_type";
  public static final String ARRIVAL_TIMESTAMP = "arrival_timestamp";
  public static final String DESTINATION = "destination";

  /** True only for an open classified as a machine open (see MachineOpenClassifier). */
  public static final String MACHINE_OPEN = "machine_open";

  public static final StructType SCHEMA =
      new StructType()
          .add(EVENT_TYPE, DataTypes.StringType, false)
          .add(ARRIVAL_TIMESTAMP, DataTypes.LongType, false)
          .add(DESTINATION, DataTypes.createArrayType(DataTypes.StringType, true), true);

  private EventColumns() {}
}
