package app.landfall.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * Where EasyPost's API is (LANDFALL_EASYPOST_API_URL: EasyPost itself, or a local fake in tests) and
 * how long one call may take (LANDFALL_EASYPOST_TIMEOUT_MS, 15 s): a label is bought while a person
 * waits, so a slow carrier becomes a "retry" rather than a hung page. Each store brings its own key.
 */
public record EasyPost(String apiUrl, Duration connectTimeout, Duration requestTimeout) {
    static final String DEFAULT_API_URL = "https://api.easypost.com";

    public static EasyPost defaults() {
        return from(Optional.empty(), Optional.empty());
    }

    static EasyPost from(Optional<String> apiUrl, Optional<String> timeoutMillis) {
        long timeout = timeoutMillis.map(EasyPost::millis).orElse(15_000L);
        return new EasyPost(apiUrl.map(EasyPost::apiUrl).orElse(DEFAULT_API_URL), Duration.ofMillis(Math.min(5_000, timeout)),
                Duration.ofMillis(timeout));
    }

    private static long millis(String raw) {
        try {
            long value = Long.parseLong(raw);
            if (value >= 100 && value <= 120_000) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("LANDFALL_EASYPOST_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000, got \"" + raw + "\"");
    }

    private static String apiUrl(String raw) {
        try {
            URI uri = new URI(raw);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && uri.getQuery() == null) {
                return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new ConfigException("LANDFALL_EASYPOST_API_URL must be an http(s) URL such as https://api.easypost.com, got \"" + raw + "\"");
    }
}
