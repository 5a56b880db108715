package io.reengage.job.read;

import org.apache.spark.util.AccumulatorV2;

/** Sums {@link ReadCounts} from the tasks that read files. */
public final class ReadCountsAccumulator extends AccumulatorV2<ReadCounts, ReadCounts> {

  private static final long serialVersionUID = 1L;

  private ReadCounts counts = new ReadCounts();

  @Override
  public boolean isZero() {
    return counts.files == 0 && counts.records == 0 && counts.unreadableFiles == 0;
  }

  @Override
  public AccumulatorV2<ReadCounts, ReadCounts> copy() {
    ReadCountsAccumulator copy = new ReadCountsAccumulator();
    copy.counts.add(counts);
    return copy;
  }

  @Override
  public void reset() {
    counts = new ReadCounts();
  }

  @Override
  public void add(ReadCounts v) {
    counts.add(v);
  }

  @Override
  public void merge(AccumulatorV2<ReadCounts, ReadCounts> other) {
    counts.add(other.value());
  }

  @Override
  public ReadCounts value() {
    return counts;
  }
}
