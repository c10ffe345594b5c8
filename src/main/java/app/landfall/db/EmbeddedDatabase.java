package app.landfall.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import app.landfall.config.ConfigException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL 17 that Landfall runs itself when no DATABASE_URL is given. Its cluster lives
 * in {@code <LANDFALL_DATA_DIR>/postgres} and survives restarts.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    static EmbeddedDatabase start(Path dataDir) {
        try {
            Path cluster = dataDir.resolve("postgres").toAbsolutePath();
            Files.createDirectories(cluster);
            OrphanedPostgres.stopIfAny(cluster);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            EmbeddedCredentials.existingPassword(dataDir).ifPresent(p -> builder.setConnectConfig("password", p));
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    // zonky's test defaults trade durability for speed; this one holds real data
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            try {
                return new EmbeddedDatabase(postgres, EmbeddedCredentials.lockDown(postgres, dataDir, cluster));
            } catch (IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
        } catch (IllegalStateException e) {
            throw new ConfigException("LANDFALL_DATA_DIR: " + dataDir.toAbsolutePath()
                    + " is in use by another running Landfall; stop it or choose another directory", e);
        } catch (IOException e) {
            throw new ConfigException("LANDFALL_DATA_DIR: could not start the embedded PostgreSQL in "
                    + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    String password() {
        return password;
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
