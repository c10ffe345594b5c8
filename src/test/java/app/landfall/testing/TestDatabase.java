package app.landfall.testing;

import app.landfall.config.Config;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * One real PostgreSQL per test JVM. Migrations run once, into a template database; every test
 * (class) gets its own database cloned from that template, so tests never see each other's rows.
 */
public final class TestDatabase {
    private static final String TEMPLATE = "landfall_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    /** A Landfall configuration on port 0 against a new, migrated, empty database. */
    public static Config config() {
        return config(Map.of());
    }

    public static Config config(Map<String, String> overrides) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "PORT", "0",
                "DATABASE_URL", freshDatabaseUrl(),
                "LANDFALL_DEMO", "false",
                "LANDFALL_DATA_DIR", Path.of("target", "test-data").toString()));
        env.putAll(overrides);
        return Config.from(env);
    }

    /** postgres://… URL of a new database cloned from the migrated template. */
    public static synchronized String freshDatabaseUrl() {
        EmbeddedPostgres server = server();
        String name = "landfall_test_" + COUNTER.incrementAndGet();
        execute(server, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return "postgres://postgres:postgres@localhost:" + server.getPort() + "/" + name;
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL", e);
            }
            execute(postgres, "CREATE DATABASE " + TEMPLATE);
            Flyway.configure()
                    .dataSource(postgres.getDatabase("postgres", TEMPLATE))
                    .locations("classpath:migrations")
                    .load()
                    .migrate();
        }
        return postgres;
    }

    private static void execute(EmbeddedPostgres server, String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
