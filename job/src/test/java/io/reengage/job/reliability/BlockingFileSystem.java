package io.reengage.job.reliability;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local filesystem under the scheme {@code blocking:}, except that creating a CSV part file
 * ({@code part-*}) creates it, writes a marker file (path in the system property {@value
 * #MARKER_PROPERTY}) and then never returns. A test that runs the job in its own JVM with {@code
 * --out blocking:///...} can so kill it at a known point: in the middle of writing its output.
 * Registered with {@code -Dspark.hadoop.fs.blocking.impl=} this class.
 */
public final class BlockingFileSystem extends RawLocalFileSystem {

  public static final String SCHEME = "blocking";
  public static final String MARKER_PROPERTY = "reengage.test.blockedMarker";
  private static final URI NAME = URI.create(SCHEME + ":///");

  @Override
  public URI getUri() {
    return NAME;
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FSDataOutputStream create(
      Path f,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    return blockOnParts(
        f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
  }

  @Override
  public FSDataOutputStream create(
      Path f,
      FsPermission permission,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    return blockOnParts(
        f, super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
  }

  private static FSDataOutputStream blockOnParts(Path f, FSDataOutputStream out)
      throws IOException {
    if (!f.getName().startsWith("part-")) {
      return out;
    }
    out.write("ChannelType,Id,Address".getBytes(StandardCharsets.UTF_8));
    out.hflush();
    Files.writeString(Paths.get(System.getProperty(MARKER_PROPERTY)), f.toString());
    while (true) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        // keep blocking: only the kill ends this
      }
    }
  }
}
