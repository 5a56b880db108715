package io.reengage.job.generate;

/**
 * Receives running totals of a long generation run, from a background thread, every few seconds.
 */
@FunctionalInterface
public interface ProgressListener {

  void progress(long records, long bytes, long elapsedMillis);

  ProgressListener NONE = (records, bytes, elapsedMillis) -> {};
}
