package io.reengage.job.read;

import java.io.Serializable;

/** One object to read: its fully qualified path and its size in bytes. */
public record EventFile(String path, long length) implements Serializable {}
