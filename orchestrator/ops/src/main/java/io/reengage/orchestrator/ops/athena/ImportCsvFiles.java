package io.reengage.orchestrator.ops.athena;

import io.reengage.contract.ImportCsv;
import io.reengage.orchestrator.aws.S3Location;
import io.reengage.orchestrator.ops.config.OpsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Streams the rows of Pinpoint import CSV files in S3 (one object, or every {@code .csv} under a
 * folder): checks the header, turns NULL (an empty field) and an empty string into the same value.
 */
final class ImportCsvFiles {

  static final List<String> HEADER = ImportCsv.HEADER_FIELDS;

  private final S3Client s3;

  ImportCsvFiles(S3Client s3) {
    this.s3 = s3;
  }

  /** Every {@code .csv} key under the folder, every listing page. */
  List<S3Location> csvFilesUnder(String folderUri) {
    S3Location folder = S3Location.parse(folderUri);
    List<S3Location> files = new ArrayList<>();
    for (S3Object object :
        s3.listObjectsV2Paginator(b -> b.bucket(folder.bucket()).prefix(folder.folderPrefix()))
            .contents()) {
      if (object.key().endsWith(".csv")) {
        files.add(new S3Location(folder.bucket(), object.key()));
      }
    }
    return files;
  }

  void readRows(S3Location file, Consumer<List<String>> rows) {
    try (ResponseInputStream<GetObjectResponse> body =
            s3.getObject(b -> b.bucket(file.bucket()).key(file.key()));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      CsvReader csv = new CsvReader(reader);
      List<String> header = csv.next();
      if (header != null && !header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
        header.set(0, header.get(0).substring(1));
      }
      if (header == null) {
        return;
      }
      if (!header.equals(HEADER)) {
        throw new OpsException(
            "Cannot compare "
                + file.uri()
                + ": its header is "
                + header
                + ", not the Pinpoint import header "
                + HEADER);
      }
      List<String> row;
      long line = 1;
      while ((row = csv.next()) != null) {
        line++;
        if (row.size() == 1 && row.get(0).isEmpty()) {
          continue; // a trailing blank line
        }
        if (row.size() != HEADER.size()) {
          throw new OpsException(
              "Cannot compare "
                  + file.uri()
                  + ": record "
                  + line
                  + " has "
                  + row.size()
                  + " fields, not "
                  + HEADER.size());
        }
        rows.accept(List.copyOf(row));
      }
    } catch (NoSuchKeyException e) {
      throw new OpsException("Cannot read " + file.uri() + ": no such object");
    } catch (IOException e) {
      throw new OpsException("Cannot read " + file.uri() + ": " + e.getMessage());
    }
  }
}
