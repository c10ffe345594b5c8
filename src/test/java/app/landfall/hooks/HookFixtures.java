package app.landfall.hooks;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.function.Executable;

/** Webhook bodies for the mapper tests: the fixtures in src/test/resources/hooks (see README.md there), and edits of them. */
final class HookFixtures {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** In an edit, removes the member instead of setting it. */
    static final String REMOVE = "<remove>";
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");

    private HookFixtures() {
    }

    static ObjectNode load(String name) {
        try (InputStream in = HookFixtures.class.getResourceAsStream("/hooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /**
     * The fixture with the member at {@code path} ({@code msg.checkpoints[1].checkpoint_time}) set to
     * the JSON {@code literal}, or removed when the literal is {@link #REMOVE}.
     */
    static ObjectNode edit(ObjectNode root, String path, String literal) {
        ObjectNode copy = root.deepCopy();
        String[] segments = path.split("\\.");
        JsonNode node = copy;
        for (int s = 0; s < segments.length; s++) {
            Matcher m = SEGMENT.matcher(segments[s]);
            if (!m.matches()) {
                throw new IllegalArgumentException(path);
            }
            String name = m.group(1);
            List<Integer> indexes = Pattern.compile("\\[(\\d+)]").matcher(m.group(2)).results()
                    .map(r -> Integer.parseInt(r.group(1))).toList();
            boolean last = s == segments.length - 1;
            if (last && indexes.isEmpty()) {
                if (literal.equals(REMOVE)) {
                    ((ObjectNode) node).remove(name);
                } else {
                    ((ObjectNode) node).set(name, json(literal));
                }
                return copy;
            }
            node = node.get(name);
            for (int i = 0; i < indexes.size(); i++) {
                if (last && i == indexes.size() - 1) {
                    ArrayNode array = (ArrayNode) node;
                    if (literal.equals(REMOVE)) {
                        array.remove(indexes.get(i));
                    } else {
                        array.set(indexes.get(i), json(literal));
                    }
                    return copy;
                }
                node = node.get(indexes.get(i));
            }
        }
        return copy;
    }

    static List<Map<String, String>> errors(Executable parse) {
        return assertThrows(InvalidPayload.class, parse).errors();
    }
}
