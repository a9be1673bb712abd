package app.rebound.records;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a record file's text into a JSON tree, strictly: UTF-8 only, one JSON value and nothing
 * after it, no repeated key in an object. The text of every {@code "extensions"} object is kept
 * exactly as written, so that it can be stored and written back unchanged.
 */
final class JsonSource {

    /** The tree and the raw text of each extensions object in it. */
    record Parsed(JsonNode root, Map<JsonNode, String> extensions) {
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final String text;
    private final Map<JsonNode, String> extensions = new IdentityHashMap<>();

    private JsonSource(String text) {
        this.text = text;
    }

    static Parsed parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRecordFileException(List.of(
                    "The file is not UTF-8 text, so it is not a Rebound record file (JSON, UTF-8)."));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark some editors add
        }
        JsonSource source = new JsonSource(text);
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw invalid("The file is empty.");
            }
            JsonNode root = source.value(parser, null);
            if (parser.nextToken() != null) {
                throw invalid(where(parser.currentTokenLocation()) + ": there is more after the end of the JSON "
                        + "value; the file may be two files joined.");
            }
            return new Parsed(root, source.extensions);
        } catch (InvalidRecordFileException e) {
            throw e;
        } catch (JsonEOFException e) {
            throw invalid(where(e.getLocation()) + ": the file ends in the middle of the JSON; it may have been "
                    + "cut short while it was copied.");
        } catch (StreamConstraintsException e) {
            throw invalid(where(e.getLocation()) + ": the JSON is nested, or a number or text is, far beyond what a "
                    + "record file holds; this is not a Rebound record file.");
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the file's text, which may be a name: it is not passed on
            throw invalid(where(e.getLocation()) + ": not valid JSON here. The file may be damaged, or not a "
                    + "Rebound record file.");
        } catch (IOException | RuntimeException e) {
            throw invalid("The file cannot be read as JSON (" + e.getClass().getSimpleName() + ").");
        }
    }

    private static String where(JsonLocation location) {
        if (location == null) {
            return "The file";
        }
        return "Line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static InvalidRecordFileException invalid(String message) {
        return new InvalidRecordFileException(List.of(message));
    }

    private JsonNode value(JsonParser parser, String fieldName) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                long start = parser.currentTokenLocation().getCharOffset();
                ObjectNode node = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (node.has(name)) {
                        throw invalid(where(parser.currentTokenLocation()) + ": the field \"" + name
                                + "\" appears twice in one object; a record file names each field once.");
                    }
                    parser.nextToken();
                    node.set(name, value(parser, name));
                }
                if ("extensions".equals(fieldName)) {
                    long end = parser.currentLocation().getCharOffset();
                    extensions.put(node, text.substring((int) start, (int) end));
                }
                return node;
            }
            case START_ARRAY: {
                ArrayNode node = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    node.add(value(parser, null));
                }
                return node;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                try {
                    if (token == JsonToken.VALUE_NUMBER_INT) {
                        // an int or a long where it fits (most of a file's numbers; small ones are shared):
                        // a BigInteger for each took a tenth of the tree's memory
                        return switch (parser.getNumberType()) {
                            case INT -> NODES.numberNode(parser.getIntValue());
                            case LONG -> NODES.numberNode(parser.getLongValue());
                            default -> NODES.numberNode(parser.getBigIntegerValue());
                        };
                    }
                    return NODES.numberNode(parser.getDecimalValue());
                } catch (NumberFormatException | ArithmeticException e) {
                    throw invalid(where(parser.currentTokenLocation()) + ": a number far beyond what any field of "
                            + "a record file holds.");
                }
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw invalid(where(parser.currentTokenLocation()) + ": unexpected " + token + ".");
        }
    }
}
