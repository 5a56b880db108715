package io.reengage.job.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileListerTest {

  @TempDir Path root;

  void touch(String relative) throws Exception {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "{}");
  }

  List<String> list(FolderLayout layout, String first, String last) throws Exception {
    EventFileLister lister = new EventFileLister(FileSystem.getLocal(new Configuration()));
    EventFileLister.Listing listing =
        lister.list(
            new org.apache.hadoop.fs.Path(root.toUri()),
            layout,
            new EventFileLister.HourRange(Instant.parse(first), Instant.parse(last)));
    String base = root.toUri().getPath();
    return listing.files().stream()
        .map(f -> f.path().substring(f.path().indexOf(base) + base.length()))
        .toList();
  }

  @Test
  void firehoseLayout_keepsOnlyHourFoldersInRange() throws Exception {
    touch("2025/12/31/23/a");
    touch("2026/01/01/00/b");
    touch("2026/01/31/23/c");
    touch("2026/02/01/00/d");
    touch("2026/02/01/01/e");
    touch("2026/02/01/00/_SUCCESS");
    touch("2026/02/01/00/.e.crc");
    touch("2026/01/15/notes.txt");
    assertThat(list(FolderLayout.AUTO, "2026-01-01T00:30:00Z", "2026-02-01T00:59:00Z"))
        .containsExactly("2026/01/01/00/b", "2026/01/31/23/c", "2026/02/01/00/d");
  }

  @Test
  void hiveLayout_isDetectedAndPrunedTheSameWay() throws Exception {
    touch("year=2026/month=03/day=01/hour=05/a");
    touch("year=2026/month=03/day=01/hour=06/b");
    touch("year=2026/month=04/day=01/hour=00/c");
    assertThat(list(FolderLayout.AUTO, "2026-03-01T06:00:00Z", "2026-03-31T23:00:00Z"))
        .containsExactly("year=2026/month=03/day=01/hour=06/b");
  }

  @Test
  void flatLayout_readsEverythingButHiddenFiles() throws Exception {
    touch("x/one.json");
    touch("two.json.gz");
    touch("_SUCCESS");
    assertThat(list(FolderLayout.AUTO, "2026-03-01T06:00:00Z", "2026-03-01T06:00:00Z"))
        .containsExactly("two.json.gz", "x/one.json");
  }

  @Test
  void forcedFlat_ignoresTheDateFolders() throws Exception {
    touch("2020/01/01/00/old");
    assertThat(list(FolderLayout.FLAT, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"))
        .containsExactly("2020/01/01/00/old");
  }

  @Test
  void missingRoot_isFileNotFound() {
    assertThatThrownBy(
            () -> {
              root = root.resolve("missing");
              list(FolderLayout.AUTO, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z");
            })
        .isInstanceOf(FileNotFoundException.class);
  }
}
