package app.landfall.db;

import app.landfall.config.Config;
import app.landfall.config.ConfigException;
import app.landfall.config.DatabaseUrl;
import app.landfall.config.Tuning;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The connection pool, the embedded server when there is one, and jOOQ on top. */
public final class Database implements AutoCloseable {
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final EmbeddedDatabase embedded;
    private final HikariDataSource pool;
    private final HikariDataSource lookupPool;
    private final DSLContext dsl;
    private final DSLContext lookups;
    private final String description;

    private Database(EmbeddedDatabase embedded, HikariDataSource pool, HikariDataSource lookupPool, String description) {
        this.embedded = embedded;
        this.pool = pool;
        this.lookupPool = lookupPool;
        this.description = description;
        this.dsl = DSL.using(pool, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
        this.lookups = DSL.using(lookupPool, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    }

    /** Connects to DATABASE_URL, or starts the embedded PostgreSQL, then applies migrations. */
    public static Database start(Config config) {
        Database database = config.databaseUrl()
                .map(url -> external(url, config.tuning()))
                .orElseGet(() -> embedded(config));
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    private static Database external(DatabaseUrl url, Tuning tuning) {
        try {
            HikariDataSource pool = pool(url.jdbcUrl(), url.user(), url.password(), tuning.dbPoolSize());
            return new Database(null, pool, lookupPool(pool, tuning.dbLookupPoolSize()), url.jdbcUrl());
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConfigException("DATABASE_URL: cannot connect to " + url.jdbcUrl() + ": " + cause.getMessage(), e);
        }
    }

    private static Database embedded(Config config) {
        EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir(), config.tuning().postgres());
        try {
            HikariDataSource pool = pool(embedded.jdbcUrl(), "postgres", embedded.password(), config.tuning().dbPoolSize());
            return new Database(embedded, pool, lookupPool(pool, config.tuning().dbLookupPoolSize()),
                    "embedded PostgreSQL in " + config.dataDir().resolve("postgres") + " (port " + embedded.port() + ")");
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig hikari = config("landfall", jdbcUrl, user, password);
        hikari.setMaximumPoolSize(poolSize);
        return new HikariDataSource(hikari);
    }

    /**
     * A few connections for the public pages' key lookups (a tracking link's shipment, then its
     * page data), which run thousands of times a second with the same shape. Their sessions use
     * generic plans: each statement is planned once per connection instead of on every execution,
     * which halves the database's work per page. Only fixed-shape queries by key belong here;
     * anything that filters or sorts by what a user typed needs the main pool's custom plans.
     */
    private static HikariDataSource lookupPool(HikariDataSource main, int poolSize) {
        try {
            HikariConfig hikari = config("landfall-lookups", main.getJdbcUrl(), main.getUsername(), main.getPassword());
            hikari.setMaximumPoolSize(poolSize);
            hikari.addDataSourceProperty("options", "-c plan_cache_mode=force_generic_plan");
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            main.close();
            throw e;
        }
    }

    private static HikariConfig config(String name, String jdbcUrl, String user, String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setConnectionTimeout(5_000);
        hikari.setValidationTimeout(2_000);
        hikari.setInitializationFailTimeout(1);
        // the driver waits forever on a dead socket unless told otherwise
        hikari.addDataSourceProperty("socketTimeout", "60");
        hikari.addDataSourceProperty("connectTimeout", "5");
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        hikari.addDataSourceProperty("ApplicationName", "landfall");
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        return hikari;
    }

    private void migrate() {
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:migrations")
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** jOOQ on the lookup connections: only for fixed-shape queries by key (see {@link #lookupPool}). */
    public DSLContext lookups() {
        return lookups;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Whether PostgreSQL answers right now (for /health). */
    public boolean isUp() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        lookupPool.close();
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
