package io.reengage.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.SparkTestSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

  static final String H = ImportFolder.HEADER + "\n";
  static final String A = "EMAIL,a@example.com,a@example.com,20,10,,6\n";
  static final String B =
      "EMAIL,\"b,c\"@example.com,\"b,c\"@example.com,21,11,,7\n"
          .replace("\"b,c\"@example.com", "\"\"\"b,c\"\"@example.com\"");
  static final String C = "EMAIL,c@example.com,c@example.com,22,12,,8\n";

  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeAll
  static void spark() {
    SparkTestSession.get();
  }

  int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  Path folder(String name, String... parts) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    for (int i = 0; i < parts.length; i++) {
      Files.writeString(dir.resolve("part-" + i + ".csv"), parts[i]);
    }
    return dir;
  }

  @Test
  void sameRowsInOtherFilesAndOrder_areEqual() throws Exception {
    Path one = folder("one", H + A + B + C);
    Path two = folder("two", H + C, H + B + A);
    assertThat(run("compare", "--expected", one.toString(), "--actual", two.toString())).isZero();
    assertThat(out.toString())
        .contains("expected 3 rows, actual 3 rows: 0 missing, 0 extra, 0 differing -> equal");
  }

  @Test
  void athenaStyleQuotingAndNulls_compareEqualToTheJobsOutput() throws Exception {
    Path job = folder("job", H + A + B);
    Path athena = Files.createDirectories(tmp.resolve("athena"));
    Files.writeString(
        athena.resolve("0f1e-query.csv"),
        "\"ChannelType\",\"Id\",\"Address\",\"Attributes.max_delivered_timestamp\",\"Attributes.min_delivered_timestamp\","
            + "\"Attributes.last_engagement\",\"Attributes.num_delivered\"\n"
            + "\"EMAIL\",\"a@example.com\",\"a@example.com\",\"20\",\"10\",,\"6\"\n"
            + "\"EMAIL\",\"\"\"b,c\"\"@example.com\",\"\"\"b,c\"\"@example.com\",\"21\",\"11\",,\"7\"\n");
    Files.writeString(athena.resolve("0f1e-query.csv.metadata"), "binary stuff");
    assertThat(run("compare", "--expected", athena.toString(), "--actual", job.toString()))
        .isZero();
  }

  @Test
  void differentOutputs_areCountedAndReported_withoutAddressesOnTheConsole() throws Exception {
    Path expected = folder("e", H + A + B + C);
    String changedA = A.replace(",6\n", ",9\n");
    String extra = "EMAIL,x@example.com,x@example.com,1,1,,6\n";
    Path actual = folder("a", H + changedA + C + extra + extra);
    Path report = tmp.resolve("report.csv");
    int code =
        run(
            "compare",
            "--expected",
            expected.toString(),
            "--actual",
            actual.toString(),
            "--report",
            report.toString());
    assertThat(code).isEqualTo(ExitCodes.DIFFERENT);
    assertThat(out.toString())
        .contains("expected 3 rows, actual 4 rows: 1 missing, 2 extra, 1 differing -> DIFFERENT");
    assertThat(out.toString() + err).doesNotContain("@example.com\n").doesNotContain("x@example");
    assertThat(Files.readAllLines(report))
        .hasSize(1 + 5)
        .anyMatch(l -> l.startsWith("extra,EMAIL,x@example.com"));
  }

  @Test
  void aReportUriEndingInASlash_isAFolder_theWorkflowsCrossCheckFolder() throws Exception {
    Path expected = folder("e", H + A + B);
    Path actual = folder("a", H + A);
    String crossCheck = tmp.resolve("run").resolve("cross-check") + "/";

    assertThat(
            run(
                "compare",
                "--expected",
                expected.toString(),
                "--actual",
                actual.toString(),
                "--report",
                crossCheck))
        .isEqualTo(ExitCodes.DIFFERENT);

    Path file = tmp.resolve("run/cross-check/differences.csv");
    assertThat(Files.readAllLines(file))
        .hasSize(2)
        .anyMatch(l -> l.startsWith("missing,EMAIL,\"\"\"b,c\"\"@example.com\""));
    assertThat(Files.isRegularFile(tmp.resolve("run/cross-check"))).isFalse();
    assertThat(out.toString())
        .contains("differing rows written to " + crossCheck + "differences.csv");
  }

  @Test
  void anExistingFolderAsReport_getsTheFileInside() throws Exception {
    Path expected = folder("e", H + A + B);
    Path actual = folder("a", H + A);
    Path existing = Files.createDirectories(tmp.resolve("reports"));

    run(
        "compare",
        "--expected",
        expected.toString(),
        "--actual",
        actual.toString(),
        "--report",
        existing.toString());

    assertThat(existing.resolve("differences.csv")).isRegularFile();
  }

  @Test
  void aDuplicatedRowMustBeDuplicatedOnBothSides() throws Exception {
    assertThat(
            run(
                "compare",
                "--expected",
                folder("e", H + A + A).toString(),
                "--actual",
                folder("a", H + A).toString()))
        .isEqualTo(ExitCodes.DIFFERENT);
    assertThat(out.toString()).contains("1 missing, 0 extra, 0 differing");
  }

  @Test
  void emptyFolderEqualsHeaderOnlyFile() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path headerOnly = folder("h", H);
    assertThat(run("compare", "--expected", empty.toString(), "--actual", headerOnly.toString()))
        .isZero();
  }

  @Test
  void athenaRowsWithABlankAddress_areLeftOutUnlessAsked() throws Exception {
    Path job = folder("job", H + A);
    Path athena = folder("athena", H + A + "EMAIL,,,20,10,,6\n" + "EMAIL,\"  \",\"  \",20,10,,6\n");
    assertThat(run("compare", "--expected", athena.toString(), "--actual", job.toString()))
        .isZero();
    assertThat(out.toString()).contains("(2 rows with an empty or blank Id left out");
    assertThat(
            run(
                "compare",
                "--expected",
                athena.toString(),
                "--actual",
                job.toString(),
                "--keep-unusable"))
        .isEqualTo(ExitCodes.DIFFERENT);
  }

  @Test
  void notAnImportCsv_failsWithOneLine() throws Exception {
    Path wrong = folder("w", "a,b\n1,2\n");
    assertThat(run("compare", "--expected", wrong.toString(), "--actual", wrong.toString()))
        .isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("not the Pinpoint import header");
    assertThat(
            run(
                "compare",
                "--expected",
                tmp.resolve("missing").toString(),
                "--actual",
                wrong.toString()))
        .isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("does not exist");
  }

  /**
   * The case: an Athena row whose address is a no-break space or U+0085 (the job drops such
   * addresses). compare and aws athena-check (which counts with ImportRowComparison) must agree.
   */
  @Test
  void anIdOfANoBreakSpaceOrANextLine_compareAndAthenaCheckAgree() throws Exception {
    String nbsp = "EMAIL,\u00a0,\u00a0,20,10,,6\n";
    String nextLine = "EMAIL,\u0085,\u0085,21,11,,7\n";
    Path athena = folder("athena-nbsp", H + A + nbsp + nextLine);
    Path job = folder("job-nbsp", H + A);

    assertThat(run("compare", "--expected", athena.toString(), "--actual", job.toString()))
        .isZero();
    assertThat(out.toString())
        .contains("expected 1 rows, actual 1 rows: 0 missing, 0 extra, 0 differing -> equal")
        .contains("(2 rows with an empty or blank Id left out");

    io.reengage.contract.ImportRowComparison athenaCheck =
        new io.reengage.contract.ImportRowComparison();
    for (String row : (A + nbsp + nextLine).split("\n")) {
      athenaCheck.addExpected(java.util.List.of(row.split(",", -1)));
    }
    athenaCheck.addActual(java.util.List.of(A.strip().split(",", -1)));
    assertThat(athenaCheck.result())
        .isEqualTo(new io.reengage.contract.ImportRowComparison.Result(1, 1, 0, 0, 0));
    assertThat(athenaCheck.unusableExpected()).isEqualTo(2);
  }
}
