package io.reengage.job.cli;

import io.reengage.job.common.ReengageException;
import io.reengage.job.compare.DifferenceReport;
import io.reengage.job.compare.ImportComparison;
import io.reengage.job.compare.ImportRows;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reengage compare}: are two import outputs the same rows? */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compares two Pinpoint import outputs as multisets of rows (order does not matter).",
      "",
      "Each side is a CSV file or a folder of CSV parts: a segment run's OUT/import/, or an Athena"
          + " result file (every field quoted, NULL as empty; .metadata files are skipped).",
      "Prints the counts of missing, extra and differing rows (same Id, other attributes) - never"
          + " the rows themselves; --report writes them to a file. Exit 0 when equal, 1 when not.",
      ""
    })
final class CompareCommand implements Callable<Integer> {

  @Option(
      names = "--expected",
      required = true,
      paramLabel = "URI",
      description = "The reference output.")
  String expected;

  @Option(
      names = "--actual",
      required = true,
      paramLabel = "URI",
      description = "The output to check.")
  String actual;

  @Option(
      names = "--report",
      paramLabel = "URI",
      description =
          "Write the differing rows (with addresses) to this CSV file when there are any; a URI"
              + " ending in / (or an existing folder) gets them in "
              + DifferenceReport.FILE_IN_FOLDER
              + " inside it.")
  String report;

  @Option(
      names = "--keep-unusable",
      description =
          "Also compare rows whose Id is empty or white space only. By default they are left out of both"
              + " sides and counted: the job never writes them (a documented deviation), Athena's query does.")
  boolean keepUnusable;

  @Option(names = "--verbose", description = "Print stack traces on failure.")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (SparkSessions.Handle session = SparkSessions.start("reengage compare")) {
      SparkSession spark = session.spark();
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> expectedRows =
          ImportRows.read(spark, expected, "expected");
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> actualRows =
          ImportRows.read(spark, actual, "actual");
      long leftOut = 0;
      if (!keepUnusable) {
        leftOut =
            ImportRows.unusable(expectedRows).count() + ImportRows.unusable(actualRows).count();
        expectedRows = ImportRows.usable(expectedRows);
        actualRows = ImportRows.usable(actualRows);
      }
      ImportComparison.Outcome outcome = ImportComparison.compare(expectedRows, actualRows);
      io.reengage.contract.ImportRowComparison.Result r = outcome.result();
      spec.commandLine()
          .getOut()
          .printf(
              "expected %d rows, actual %d rows: %d missing, %d extra, %d differing -> %s%n",
              r.expectedRows(),
              r.actualRows(),
              r.missing(),
              r.extra(),
              r.differing(),
              r.equal() ? "equal" : "DIFFERENT");
      if (leftOut > 0) {
        spec.commandLine()
            .getOut()
            .printf(
                "(%d rows with an empty or blank Id left out of the comparison: the job drops those by design;"
                    + " --keep-unusable compares them too)%n",
                leftOut);
      }
      if (!r.equal() && report != null) {
        String written;
        try {
          written = DifferenceReport.location(report, spark.sparkContext().hadoopConfiguration());
          DifferenceReport.write(
              outcome.differences(), written, spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
          throw new ReengageException(
              "Cannot write --report "
                  + report
                  + ": "
                  + e.getMessage()
                  + " (choose a writable location)",
              e);
        }
        spec.commandLine().getOut().println("differing rows written to " + written);
      }
      spec.commandLine().getOut().flush();
      return r.equal() ? ExitCodes.OK : ExitCodes.DIFFERENT;
    }
  }
}
