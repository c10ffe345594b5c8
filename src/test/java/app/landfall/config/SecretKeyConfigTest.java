package app.landfall.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretKeyConfigTest {
    @Test
    void without_a_secret_key_there_is_none() {
        assertTrue(Config.from(Map.of()).secretKey().isEmpty());
        assertTrue(Config.from(Map.of("LANDFALL_SECRET_KEY", "  ")).secretKey().isEmpty());
    }

    @Test
    void reads_32_bytes_of_base64() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 1);
        }
        Config config = Config.from(Map.of("LANDFALL_SECRET_KEY", " " + Base64.getEncoder().encodeToString(key) + "\n"));
        assertArrayEquals(key, config.secretKey().orElseThrow().bytes());
        assertFalse(config.secretKey().orElseThrow().toString().contains(Base64.getEncoder().encodeToString(key)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "c2hvcnQ=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void refuses_a_key_that_is_not_32_bytes_of_base64_and_says_how_to_make_one(String raw) {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.from(Map.of("LANDFALL_SECRET_KEY", raw)));
        assertTrue(e.getMessage().startsWith("LANDFALL_SECRET_KEY must be 32 random bytes in base64"), e.getMessage());
        assertTrue(e.getMessage().contains("openssl rand -base64 32"), e.getMessage());
        assertFalse(e.getMessage().contains(raw), "the message does not repeat the secret");
    }

    @Test
    void names_how_many_bytes_it_got() {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.from(Map.of("LANDFALL_SECRET_KEY", "c2hvcnQ=")));
        assertEquals(true, e.getMessage().contains("decodes to 5 bytes, not 32"), e.getMessage());
    }
}
