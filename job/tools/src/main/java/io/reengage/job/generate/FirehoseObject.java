package io.reengage.job.generate;

import java.util.List;

/**
 * One S3 object as Firehose would deliver it.
 *
 * @param index position in delivery order, from 0
 * @param firehoseStart when the oldest record reached Firehose (epoch ms); decides the folder and
 *     the name
 * @param format how the records are laid out
 * @param path path under the output folder
 * @param records the records, in the order they reached Firehose
 */
record FirehoseObject(
    long index, long firehoseStart, ObjectFormat format, String path, List<PlannedEvent> records) {}
