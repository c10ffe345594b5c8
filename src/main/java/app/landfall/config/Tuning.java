package app.landfall.config;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Sizes that trade memory or database connections for speed; the defaults suit a 2-core machine
 * (see docs/benchmarks.md). Each is an environment variable or, as the benchmark scripts set them,
 * a system property; the property wins. README.md lists them.
 *
 * @param pageCacheMegabytes rendered tracking pages kept in memory: 256 MB holds about 30,000 pages,
 *                           the links of a large notification burst, each opened a few times
 * @param dbPoolSize         the main connection pool
 * @param dbLookupPoolSize   the tracking pages' key lookups (generic plans)
 * @param returnSubmits      return submissions running at once (a fair gate; 2 per core)
 * @param postgres           settings for the embedded PostgreSQL ({@code -Dlandfall.pg.<setting>=<value>})
 */
public record Tuning(long pageCacheMegabytes, int dbPoolSize, int dbLookupPoolSize, int returnSubmits, Map<String, String> postgres) {

    public static Tuning defaults() {
        return from(Map.of(), new Properties());
    }

    static Tuning from(Map<String, String> env, Properties properties) {
        Map<String, String> postgres = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(n -> n.startsWith("landfall.pg."))
                .forEach(n -> postgres.put(n.substring("landfall.pg.".length()), properties.getProperty(n)));
        return new Tuning(
                positive(env, properties, "LANDFALL_PAGE_CACHE_MB", "landfall.pageCacheMegabytes", 256),
                (int) positive(env, properties, "LANDFALL_DB_POOL_SIZE", "landfall.db.poolSize", 10),
                (int) positive(env, properties, "LANDFALL_DB_LOOKUP_POOL_SIZE", "landfall.db.lookupPoolSize", 6),
                (int) positive(env, properties, "LANDFALL_RETURN_SUBMITS", "landfall.returnSubmits",
                        2L * Runtime.getRuntime().availableProcessors()),
                Map.copyOf(postgres));
    }

    public long pageCacheBytes() {
        return pageCacheMegabytes * 1024 * 1024;
    }

    private static long positive(Map<String, String> env, Properties properties, String variable, String property, long otherwise) {
        String raw = properties.getProperty(property);
        String name = "-D" + property;
        if (raw == null) {
            raw = env.get(variable);
            name = variable;
        }
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= 1 && value <= 1_000_000) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(name + " must be a whole number from 1 to 1000000, got \"" + raw + "\"");
    }
}
