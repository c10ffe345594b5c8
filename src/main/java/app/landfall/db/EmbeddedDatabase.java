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

    static EmbeddedDatabase start(Path dataDir, java.util.Map<String, String> settings) {
        try {
            Path cluster = dataDir.resolve("postgres").toAbsolutePath();
            Files.createDirectories(cluster);
            OrphanedPostgres.stopIfAny(cluster);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            EmbeddedCredentials.existingPassword(dataDir).ifPresent(p -> builder.setConnectConfig("password", p));
            // Sized for event ingestion (docs/benchmarks.md): the stock 128 MB of shared buffers keep
            // evicting the shipments and events being written, and a 1 GB WAL limit forced a
            // checkpoint every ~30 s under load, each followed by a burst of full-page images.
            // Memory for shared buffers is taken only as pages are used; on a small machine they get a
            // quarter of its memory (PostgreSQL's own advice), so start-up never asks for more than it has.
            builder.setServerConfig("shared_buffers", sharedBuffersMb() + "MB")
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "15min");
            // any PostgreSQL setting can be overridden with -Dlandfall.pg.<setting>=<value>, except the
            // durability settings forced on below
            settings.forEach(builder::setServerConfig);
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

    /** 1 GB, or a quarter of the machine's memory when that is less (at least 128 MB, the stock size). */
    static long sharedBuffersMb() {
        long total = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        return Math.max(128, Math.min(1024, total / 4 / (1024 * 1024)));
    }
}
