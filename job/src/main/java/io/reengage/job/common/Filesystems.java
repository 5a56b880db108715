package io.reengage.job.common;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Resolves the URIs users pass (plain paths, file:, s3a://, s3://) to Hadoop paths and filesystems.
 */
public final class Filesystems {

  private Filesystems() {}

  /**
   * A Hadoop path for a user URI. A plain path is made absolute against the working directory, so
   * Spark tasks resolve it the same way as the driver.
   */
  public static Path path(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("Invalid location: empty");
    }
    if (uri.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !uri.matches("^[A-Za-z]:[\\\\/].*")) {
      return new Path(URI.create(uri.replace(" ", "%20")));
    }
    return new Path(Paths.get(uri).toAbsolutePath().normalize().toUri());
  }

  /**
   * The filesystem to write output through. On local disks this is the raw filesystem: Hadoop's
   * default local filesystem writes {@code .crc} side files, which must never appear in the folder
   * Pinpoint imports.
   */
  public static FileSystem forOutput(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    if (fs instanceof ChecksumFileSystem checksummed) {
      return checksummed.getRawFileSystem();
    }
    return fs;
  }
}
