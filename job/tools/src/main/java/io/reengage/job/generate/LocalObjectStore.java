package io.reengage.job.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Local folders through java.nio. Hadoop's local file system sets permissions on every new file,
 * which without the native library means starting a {@code chmod} process per file: about 2.5 ms
 * each, slower than writing the file's content, for the many small objects Firehose makes.
 */
final class LocalObjectStore implements ObjectStore {

  private final Path root;
  private final Set<Path> madeFolders = ConcurrentHashMap.newKeySet();

  LocalObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public URI root() {
    return root.toUri();
  }

  @Override
  public void prepare(boolean replace) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    if (!Files.isDirectory(root)) {
      throw new IOException(
          "Cannot generate into " + root.toUri() + ": it is a file (choose a folder)");
    }
    try (Stream<Path> entries = Files.list(root)) {
      if (entries.findAny().isEmpty()) {
        return;
      }
    }
    if (!replace) {
      throw ObjectStore.notEmpty(root.toUri());
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null) {
              throw exc;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  @Override
  public OutputStream create(String relativePath) throws IOException {
    Path file = root.resolve(relativePath);
    Path folder = file.getParent();
    // Recorded only once made, so a thread never writes into a folder another thread is still
    // creating.
    if (!madeFolders.contains(folder)) {
      Files.createDirectories(folder);
      madeFolders.add(folder);
    }
    return Files.newOutputStream(
        file,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
  }
}
