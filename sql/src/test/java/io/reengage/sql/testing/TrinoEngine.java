package io.reengage.sql.testing;

import static io.trino.testing.TestingSession.testSessionBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reengage.sql.testing.EventFiles.Event;
import io.trino.Session;
import io.trino.plugin.memory.MemoryConnectorFactory;
import io.trino.spi.connector.CatalogSchemaName;
import io.trino.spi.security.PrincipalType;
import io.trino.spi.security.TrinoPrincipal;
import io.trino.spi.type.TimeZoneKey;
import io.trino.testing.LocalQueryRunner;
import io.trino.testing.MaterializedResult;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * In-process Trino (Athena engine v3's family) with the memory connector, holding event tables
 * shaped like the Glue table over Firehose's JSON: {@code event_type VARCHAR, arrival_timestamp
 * BIGINT, facets ROW(...)} nested down to {@code facets.email_channel.mail_event.mail.destination
 * ARRAY(VARCHAR)}, so the query's column path works as written.
 */
public final class TrinoEngine implements AutoCloseable {

  public static final String CATALOG = "memory";

  /** The original query's database name, so only the table name is replaced. */
  public static final String SCHEMA = "pinpoint-events";

  static final String FACETS_TYPE =
      "ROW(email_channel ROW(mail_event ROW(mail ROW(destination ARRAY(VARCHAR)))))";

  static final String ROW_TYPE =
      "ROW(event_type VARCHAR, arrival_timestamp BIGINT, facets " + FACETS_TYPE + ")";

  /** Events per INSERT statement. */
  private static final int BATCH = 20_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalQueryRunner runner;

  public TrinoEngine() {
    // Athena's session time zone is UTC; current_date and the DATE-to-timestamp comparison depend
    // on it.
    Session session =
        testSessionBuilder()
            .setCatalog(CATALOG)
            .setSchema(SCHEMA)
            .setTimeZoneKey(TimeZoneKey.UTC_KEY)
            .build();
    runner = LocalQueryRunner.create(session);
    runner.createCatalog(CATALOG, new MemoryConnectorFactory(), Map.of());
    // This runner rejects CREATE SCHEMA as a statement; the metadata API does the same thing.
    runner.inTransaction(
        tx -> {
          runner
              .getMetadata()
              .createSchema(
                  tx,
                  new CatalogSchemaName(CATALOG, SCHEMA),
                  Map.of(),
                  new TrinoPrincipal(PrincipalType.USER, tx.getUser()));
          return null;
        });
  }

  /** Creates {@code "pinpoint-events"."<table>"} holding exactly these events. */
  public void createTable(String table, List<Event> events) {
    String name = qualified(table);
    // CREATE TABLE is rejected by this runner; CREATE TABLE AS over a typed VALUES row is not.
    runner.execute(
        "CREATE TABLE "
            + name
            + " AS SELECT * FROM (VALUES (CAST(NULL AS VARCHAR), CAST(NULL AS BIGINT), CAST(NULL AS "
            + FACETS_TYPE
            + "))) AS t(event_type, arrival_timestamp, facets) WITH NO DATA");
    // Rows go in as one JSON array per statement, cast to ARRAY(ROW(...)) and unnested: Trino plans
    // a row
    // of literals per VALUES row, which took minutes for a few thousand events; one string literal
    // does not.
    for (int from = 0; from < events.size(); from += BATCH) {
      String json = toJson(events.subList(from, Math.min(events.size(), from + BATCH)));
      runner.execute(
          "INSERT INTO "
              + name
              + " SELECT event_type, arrival_timestamp, facets FROM UNNEST(CAST(json_parse('"
              + json.replace("'", "''")
              + "') AS ARRAY("
              + ROW_TYPE
              + "))) AS t(event_type, arrival_timestamp, facets)");
    }
    long count = (Long) runner.execute("SELECT count(*) FROM " + name).getOnlyValue();
    if (count != events.size()) {
      throw new IllegalStateException(
          "Loaded " + count + " rows into " + name + ", expected " + events.size());
    }
  }

  /**
   * The events as a JSON array of objects shaped like the table's rows. Non-ASCII characters are
   * written as JSON escapes, so the SQL literal holds printable ASCII only and needs nothing but
   * its quotes doubled.
   */
  static String toJson(List<Event> events) {
    ArrayNode array = JSON.createArrayNode();
    for (Event e : events) {
      ObjectNode row = array.addObject();
      row.put("event_type", e.eventType());
      row.put("arrival_timestamp", e.arrivalTimestamp());
      if (e.destination() != null) {
        ArrayNode destination =
            row.putObject("facets")
                .putObject("email_channel")
                .putObject("mail_event")
                .putObject("mail")
                .putArray("destination");
        e.destination().forEach(destination::add);
      } else {
        row.putNull("facets");
      }
    }
    try {
      return JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(array);
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * Runs a query with {@code current_date} = {@code currentDate} (UTC), as Athena would on that
   * day.
   */
  public MaterializedResult query(String sql, LocalDate currentDate) {
    Session session =
        Session.builder(runner.getDefaultSession())
            .setStart(currentDate.atTime(12, 0).toInstant(ZoneOffset.UTC))
            .build();
    return runner.execute(session, sql);
  }

  public static String qualified(String table) {
    return "\"" + SCHEMA + "\".\"" + table + "\"";
  }

  @Override
  public void close() {
    runner.close();
  }
}
