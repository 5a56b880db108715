/**
 * {@code reengage generate}: synthetic Pinpoint email events in Firehose's S3 layout, for demos,
 * volume benchmarks and agreement tests.
 *
 * <p>Entry points: {@link io.reengage.job.generate.GenerateCommand} (CLI) and {@link
 * io.reengage.job.generate.EventGenerator} built from {@link
 * io.reengage.job.generate.GeneratorSettings}, returning a {@link
 * io.reengage.job.generate.GenerationResult}. {@link io.reengage.job.generate.EdgeCases} also
 * states which edge-case addresses the segment must return.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li><b>Time span.</b> Messages are sent on the {@code days} UTC days before as-of and on {@code
 *       daysAfter} (default 2) days from as-of on. The data is a snapshot of the bucket at the
 *       start of day {@code asOf + daysAfter}: no record reaches Firehose at or after it. So by
 *       default there is data on the as-of day (before the segment's default {@code until}) and on
 *       the day after (at or after it); {@code daysAfter = 0} ends the data the day before as-of.
 *   <li><b>Times.</b> {@code event_timestamp} and {@code message_send_timestamp} are the send time
 *       (Amazon Pinpoint Developer Guide, event-streams-data-email.html); {@code arrival_timestamp}
 *       is when the event happened plus a short delay; the Firehose time (which names the object
 *       and its folder) is arrival plus 1 s to 2 min, or for {@code lateRate} of records 10 min to
 *       8 h. A reader that lists folders around a window needs that much slack after it to see
 *       everything.
 *   <li><b>Objects.</b> Firehose's buffer: an object opens with its oldest record, whose Firehose
 *       time gives the folder and the name, and closes after {@code bufferSeconds} or {@code
 *       bufferMb}; so an object may hold records of the next hour or day.
 *   <li><b>Duplicates.</b> Byte-identical records, half within two seconds (same object mostly),
 *       half one to ten minutes later (another object).
 *   <li><b>People.</b> Addresses are computed from their index on reserved example domains; each
 *       has an engagement profile (never 25 %, lapsed 25 %, occasional 30 %, active 20 %), 2 %
 *       start hard-bouncing at some point and are suppressed a week later. No address is ever
 *       logged; summaries hold counts only.
 *   <li><b>Determinism.</b> Every random choice comes from a seed derived from the run's seed and a
 *       coordinate (day, address, object index), so the same settings give the same bytes on any
 *       machine and with any number of threads. Days are planned in order (planning is cheap; each
 *       day could be planned on its own), objects are encoded, compressed and written in parallel.
 *       Gzip objects are byte-identical for the same zlib; their content always is.
 *   <li><b>Output.</b> Local folders are written with java.nio (Hadoop's local file system starts a
 *       {@code chmod} process per file without its native library); other URIs go through Hadoop's
 *       {@code FileSystem}. The folder must be empty or absent unless replacing is asked for;
 *       nothing but the event objects is written into it.
 * </ul>
 */
package io.reengage.job.generate;
