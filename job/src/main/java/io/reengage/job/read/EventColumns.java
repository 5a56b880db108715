package io.reengage.job.read;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The schema of parsed events: the three fields of SPEC.md, named as in the Athena query's source,
 * whichever source (Pinpoint or SES) a record came from, plus whether an open was a machine open.
 */
public final class EventColumns {

  public static final String EVENT_TYPE = "event_type";
  public static final String ARRIVAL_TIMESTAMP = "arrival_timestamp";
  public static final String DESTINATION = "destination";

  /**
   * True only for an open that {@link MachineOpenClassifier} calls a machine open; false for every
   * other event.
   */
  public static final String MACHINE_OPEN = "machine_open";

  public static final StructType SCHEMA =
      new StructType()
          .add(EVENT_TYPE, DataTypes.StringType, false)
          .add(ARRIVAL_TIMESTAMP, DataTypes.LongType, false)
          .add(DESTINATION, DataTypes.createArrayType(DataTypes.StringType, true), true)
          .add(MACHINE_OPEN, DataTypes.BooleanType, false);

  private EventColumns() {}
}
