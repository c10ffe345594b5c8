package app.landfall.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The translations say everything the English bundle says, in MessageFormat's spelling. */
class MessageBundlesTest {

    private static Properties bundle(String suffix) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/messages" + suffix + ".properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"_de", "_fr", "_es"})
    void a_translation_has_exactly_the_english_keys(String suffix) throws IOException {
        Set<String> english = new TreeSet<>(bundle("").stringPropertyNames());
        Set<String> translated = new TreeSet<>(bundle(suffix).stringPropertyNames());
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(translated);
        Set<String> extra = new TreeSet<>(translated);
        extra.removeAll(english);
        assertEquals(List.of(), List.copyOf(missing), "missing from messages" + suffix);
        assertEquals(List.of(), List.copyOf(extra), "only in messages" + suffix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_de", "_fr", "_es"})
    void every_apostrophe_is_doubled(String suffix) throws IOException {
        Properties messages = bundle(suffix);
        for (String key : messages.stringPropertyNames()) {
            String text = messages.getProperty(key);
            assertTrue(!text.replace("''", "").contains("'"), "messages" + suffix + ": " + key + "=" + text);
        }
    }
}
