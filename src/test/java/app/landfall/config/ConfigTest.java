package app.landfall.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigTest {

    @Test
    void defaults_to_port_7070_embedded_postgres_in_data_and_demo_on() {
        Config config = Config.from(Map.of());
        assertEquals(7070, config.port());
        assertEquals(Optional.empty(), config.databaseUrl());
        assertEquals(Path.of("data"), config.dataDir());
        assertTrue(config.demo());
        assertEquals("http://localhost:7070", config.baseUrl(7070));
    }

    @Test
    void reads_every_variable() {
        Config config = Config.from(Map.of(
                "PORT", "8080",
                "DATABASE_URL", "postgres://app:secret@db.internal:5433/landfall",
                "LANDFALL_DATA_DIR", "/var/lib/landfall",
                "LANDFALL_BASE_URL", "https://track.example.com/",
                "LANDFALL_DEMO", "false"));
        assertEquals(8080, config.port());
        assertEquals("jdbc:postgresql://db.internal:5433/landfall", config.databaseUrl().orElseThrow().jdbcUrl());
        assertEquals(Path.of("/var/lib/landfall"), config.dataDir());
        assertEquals("https://track.example.com", config.baseUrl(8080));
        assertFalse(config.demo());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "65536", "80.5", "7070x"})
    void rejects_a_port_that_is_not_a_port(String port) {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.from(Map.of("PORT", port)));
        assertTrue(e.getMessage().startsWith("PORT "), e.getMessage());
        assertTrue(e.getMessage().contains(port), e.getMessage());
    }

    @Test
    void without_a_mail_server_email_is_kept_not_sent_and_the_sender_has_a_default() {
        Mail mail = Config.from(Map.of()).mail();
        assertTrue(mail.server().isEmpty());
        assertEquals("no-reply@landfall.invalid", mail.from());
    }

    @Test
    void reads_a_mail_server_and_never_sends_credentials_unencrypted_to_another_machine() {
        Mail.Server submission = Config.from(Map.of("LANDFALL_SMTP_URL", "smtp://postmaster%40shop.example:s3cr%3At@mail.example.com:587",
                "LANDFALL_MAIL_FROM", "Alder & Ash <notices@shop.example>")).mail().server().orElseThrow();
        assertEquals("mail.example.com", submission.host());
        assertEquals(587, submission.port());
        assertEquals("postmaster@shop.example", submission.user());
        assertEquals("s3cr:t", submission.password());
        assertTrue(submission.startTlsRequired(), "a password to another host goes only over STARTTLS");
        assertFalse(submission.describe().contains("s3cr"), "the password is never printed");
        assertEquals("notices@shop.example", Config.from(Map.of("LANDFALL_MAIL_FROM", "Alder & Ash <notices@shop.example>")).mail().from());

        Mail.Server tls = Config.from(Map.of("LANDFALL_SMTP_URL", "smtps://u:p@mail.example.com")).mail().server().orElseThrow();
        assertTrue(tls.implicitTls());
        assertEquals(465, tls.port());
        Mail.Server relay = Config.from(Map.of("LANDFALL_SMTP_URL", "smtp://127.0.0.1:1025")).mail().server().orElseThrow();
        assertFalse(relay.startTlsRequired(), "a local catcher without credentials needs no TLS");
        assertEquals(1025, relay.port());
        assertFalse(Config.from(Map.of("LANDFALL_SMTP_URL", "smtp://u:p@localhost:25")).mail().server().orElseThrow().startTlsRequired(),
                "credentials to this machine itself may go in the clear");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://mail.example.com", "smtp://", "mail.example.com:587", "smtp://exa mple.com"})
    void refuses_a_mail_server_url_it_cannot_use(String url) {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.from(Map.of("LANDFALL_SMTP_URL", url)));
        assertTrue(e.getMessage().startsWith("LANDFALL_SMTP_URL is not usable"), e.getMessage());
    }

    @Test
    void refuses_a_sender_that_is_not_an_email_address() {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.from(Map.of("LANDFALL_MAIL_FROM", "notices\r\nBcc: x@y.z")));
        assertTrue(e.getMessage().startsWith("LANDFALL_MAIL_FROM is not an email address"), e.getMessage());
    }

    @Test
    void runs_the_background_jobs_unless_told_not_to() {
        assertTrue(Config.from(Map.of()).backgroundJobs());
        assertTrue(Config.from(Map.of("LANDFALL_BACKGROUND_JOBS", "true")).backgroundJobs());
        assertFalse(Config.from(Map.of("LANDFALL_BACKGROUND_JOBS", "false")).backgroundJobs());
        ConfigException e = assertThrows(ConfigException.class, () -> Config.from(Map.of("LANDFALL_BACKGROUND_JOBS", "later")));
        assertTrue(e.getMessage().startsWith("LANDFALL_BACKGROUND_JOBS "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "2"})
    void rejects_a_demo_flag_that_is_not_a_boolean(String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.from(Map.of("LANDFALL_DEMO", value)));
        assertTrue(e.getMessage().startsWith("LANDFALL_DEMO "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"track.example.com", "ftp://example.com", "https://", "http://example.com/?a=b"})
    void rejects_a_base_url_that_is_not_an_http_address(String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.from(Map.of("LANDFALL_BASE_URL", value)));
        assertTrue(e.getMessage().startsWith("LANDFALL_BASE_URL "), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgres://u:p@localhost:5432/shop|jdbc:postgresql://localhost:5432/shop|u|p",
        "postgresql://u@localhost/shop?sslmode=require|jdbc:postgresql://localhost/shop?sslmode=require|u|",
        "postgres://us%40er:p%3Ass@h:1/db|jdbc:postgresql://h:1/db|us@er|p:ss",
        "jdbc:postgresql://h:5432/db?user=x|jdbc:postgresql://h:5432/db?user=x||",
    })
    void parses_database_urls_in_the_forms_hosts_hand_out(String raw, String jdbcUrl, String user, String password) {
        DatabaseUrl url = DatabaseUrl.parse(raw);
        assertEquals(jdbcUrl, url.jdbcUrl());
        assertEquals(user, url.user());
        assertEquals(password, url.password());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://u:p@h/db", "postgres://u:p@/db", "postgres://u:p@h:5432/", "postgres://h:5432/a b"})
    void rejects_database_urls_it_cannot_use_without_echoing_the_password(String raw) {
        ConfigException e = assertThrows(ConfigException.class, () -> DatabaseUrl.parse(raw));
        assertTrue(e.getMessage().startsWith("DATABASE_URL "), e.getMessage());
        assertFalse(e.getMessage().contains("u:p@"), e.getMessage());
    }

    @Test
    void keeps_passwords_out_of_what_it_prints() {
        assertEquals("postgres://app:***@db/x", DatabaseUrl.redact("postgres://app:s3cret@db/x"));
        assertEquals("jdbc:postgresql://db/x?user=a&password=***", DatabaseUrl.redact("jdbc:postgresql://db/x?user=a&password=s3cret"));
        assertNull(DatabaseUrl.parse("jdbc:postgresql://db/x").user());
    }

    @Test
    void tuning_comes_from_the_environment_and_a_system_property_wins() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("landfall.db.poolSize", "20");
        properties.setProperty("landfall.pg.max_wal_size", "1GB");
        Tuning tuning = Config.from(Map.of("LANDFALL_PAGE_CACHE_MB", "64", "LANDFALL_DB_POOL_SIZE", "12"), properties).tuning();
        assertEquals(64L * 1024 * 1024, tuning.pageCacheBytes());
        assertEquals(20, tuning.dbPoolSize());
        assertEquals(6, tuning.dbLookupPoolSize());
        assertEquals(Map.of("max_wal_size", "1GB"), tuning.postgres());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "lots", "2000000"})
    void rejects_a_tuning_value_that_is_not_a_positive_count(String value) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Config.from(Map.of("LANDFALL_RETURN_SUBMITS", value), new java.util.Properties()));
        assertTrue(e.getMessage().startsWith("LANDFALL_RETURN_SUBMITS must be a whole number"), e.getMessage());
    }
}
