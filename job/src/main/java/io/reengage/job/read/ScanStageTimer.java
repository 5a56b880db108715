package io.reengage.job.read;

import io.reengage.job.spark.internal.SparkInternals;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import scala.collection.Iterator;

/**
 * Measures the wall time of the Spark stages that read raw event files.
 *
 * <p>The job reads, filters and pre-aggregates in one stage and finishes in later ones, all inside
 * a single Spark job, so the driver cannot time the scan by itself. The scan stages are the ones
 * whose lineage holds the RDD named {@link SparkEventReader#RDD_NAME}; their time runs from
 * submission to completion (all tasks, all cores), which is what a throughput figure for the scan
 * needs. Waiting for the listener bus uses Spark-internal API, as {@code ObservedMetrics} does.
 */
public final class ScanStageTimer extends SparkListener implements AutoCloseable {

  private static final long LISTENER_WAIT_MS = 10_000;
  private final SparkContext context;
  private final AtomicLong millis = new AtomicLong();

  private ScanStageTimer(SparkContext context) {
    this.context = context;
  }

  /** Starts timing; {@link #close} stops it. */
  public static ScanStageTimer start(SparkContext context) {
    ScanStageTimer timer = new ScanStageTimer(context);
    context.addSparkListener(timer);
    return timer;
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted event) {
    StageInfo stage = event.stageInfo();
    if (stage.submissionTime().isEmpty()
        || stage.completionTime().isEmpty()
        || !readsEvents(stage)) {
      return;
    }
    millis.addAndGet((Long) stage.completionTime().get() - (Long) stage.submissionTime().get());
  }

  private static boolean readsEvents(StageInfo stage) {
    Iterator<org.apache.spark.storage.RDDInfo> rdds = stage.rddInfos().iterator();
    while (rdds.hasNext()) {
      if (SparkEventReader.RDD_NAME.equals(rdds.next().name())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The summed wall time of the scan stages completed so far. Listener events arrive
   * asynchronously, so this waits (briefly) for the listener bus to deliver what the finished jobs
   * posted.
   */
  public long millis() {
    try {
      SparkInternals.awaitListenerBus(context, LISTENER_WAIT_MS);
    } catch (java.util.concurrent.TimeoutException e) {
      // a busy bus: report what has arrived rather than hold the run up for a timing
    }
    return millis.get();
  }

  @Override
  public void close() {
    context.removeSparkListener(this);
  }
}
