package app.rebound.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The published JSON Schema of record format v1 ({@code docs/record-format-v1.schema.json}), for tests. */
public final class RecordSchema {

    public static final Path FILE = Path.of("docs", "record-format-v1.schema.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    private RecordSchema() {
    }

    private static synchronized Schema schema() {
        if (schema == null) {
            try (InputStream in = Files.newInputStream(FILE)) {
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }

    /** What the schema finds wrong in {@code file}, one line each (instance path and message); empty when valid. */
    public static List<String> problems(byte[] file) {
        JsonNode node;
        try {
            node = JSON.readTree(file);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        return schema().validate(node).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }
}
