package io.reengage.job.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;

/** Where objects are written: a folder on the local disk or on any Hadoop file system. */
interface ObjectStore {

  /** The output folder, qualified. */
  URI root();

  /**
   * Makes sure the folder can take a fresh data set: absent or empty is fine; otherwise it is
   * deleted when {@code replace} is set and an error when not.
   */
  void prepare(boolean replace) throws IOException;

  /**
   * Opens a new object at {@code relativePath} (folders are created as needed). Safe to call from
   * many threads.
   */
  OutputStream create(String relativePath) throws IOException;

  static IOException notEmpty(URI root) {
    return new IOException(
        "Cannot generate into "
            + root
            + ": the folder is not empty (choose an empty or new folder, or pass --replace to delete it first)");
  }
}
