package io.reengage.job.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.cli.MainAccess;
import io.reengage.job.generate.EventGenerator;
import io.reengage.job.generate.GeneratorSettings;
import io.reengage.job.testing.SparkTestSession;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of a segment run on a generated set (many domains, every bucket shape) in a real
 * browser, and no generated address anywhere in it.
 */
class GeneratedReportBrowserTest {

  @TempDir static Path tmp;

  @BeforeAll
  static void generateAndSegment() throws Exception {
    SparkTestSession.get();
    LocalDate asOf = LocalDate.parse("2026-08-31");
    new EventGenerator(
            GeneratorSettings.builder(asOf)
                .addresses(600)
                .days(240)
                .eventsPerDay(120)
                .seed(16)
                // A few objects a day instead of hundreds: the test is about the page, not reading.
                .bufferSeconds(86400)
                .build())
        .threads(2)
        .generate(tmp.resolve("events"));
    assertThat(
            MainAccess.run(
                "segment",
                "--events",
                tmp.resolve("events").toString(),
                "--as-of",
                "2026-08-31",
                "--out",
                tmp.resolve("out").toString()))
        .isZero();
  }

  @Test
  void reportRendersTheSummarysNumbers() throws Exception {
    ReportInBrowser.check(tmp.resolve("out"), Path.of("target", "report-generated.png"));
  }

  @Test
  void noGeneratedAddressAppearsInTheReport() throws Exception {
    ReportInBrowser.assertNoAddress(tmp.resolve("out"), tmp.resolve("events"), 100);
  }
}
