package io.reengage.job.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Any Hadoop file system ({@code s3a://}, {@code s3://} on EMR, {@code hdfs://}, ...). */
final class HadoopObjectStore implements ObjectStore {

  private final FileSystem fs;
  private final Path root;

  HadoopObjectStore(URI out, Configuration conf) throws IOException {
    Path path = new Path(out);
    this.fs = path.getFileSystem(conf);
    this.root = fs.makeQualified(path);
  }

  @Override
  public URI root() {
    return root.toUri();
  }

  @Override
  public void prepare(boolean replace) throws IOException {
    if (!fs.exists(root)) {
      return;
    }
    FileStatus status = fs.getFileStatus(root);
    if (!status.isDirectory()) {
      throw new IOException("Cannot generate into " + root + ": it is a file (choose a folder)");
    }
    if (fs.listStatus(root).length == 0) {
      return;
    }
    if (!replace) {
      throw ObjectStore.notEmpty(root.toUri());
    }
    if (!fs.delete(root, true)) {
      throw new IOException("Cannot generate into " + root + ": could not delete what is there");
    }
  }

  @Override
  public OutputStream create(String relativePath) throws IOException {
    // Object names are unique by construction, so skipping the existence check saves a request per
    // object.
    return fs.create(new Path(root, relativePath), true);
  }
}
