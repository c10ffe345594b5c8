package app.landfall.config;

import app.landfall.web.ClientAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything Landfall reads from its environment, parsed and checked once at start-up.
 * See the configuration table in README.md.
 */
public record Config(
        int port,
        Optional<DatabaseUrl> databaseUrl,
        Path dataDir,
        Optional<String> baseUrl,
        boolean demo,
        boolean imagesFromAnyHost,
        ClientAddress clientAddress,
        boolean webhooksToAnyHost,
        boolean backgroundJobs,
        Mail mail,
        Twilio twilio,
        Tuning tuning,
        Optional<SecretKey> secretKey,
        EasyPost easyPost) {

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        return from(env, System.getProperties());
    }

    public static Config from(Map<String, String> env, Properties properties) {
        int port = port(env.get("PORT"));
        Optional<DatabaseUrl> databaseUrl = value(env, "DATABASE_URL").map(DatabaseUrl::parse);
        Path dataDir = Path.of(value(env, "LANDFALL_DATA_DIR").orElse("data"));
        Optional<String> baseUrl = value(env, "LANDFALL_BASE_URL").map(Config::parseBaseUrl);
        boolean demo = value(env, "LANDFALL_DEMO").map(v -> bool("LANDFALL_DEMO", v)).orElse(true);
        // development only: lets the image proxy fetch plain-http images and private addresses
        boolean imagesFromAnyHost = value(env, "LANDFALL_IMAGES_FROM_ANY_HOST")
                .map(v -> bool("LANDFALL_IMAGES_FROM_ANY_HOST", v)).orElse(false);
        ClientAddress clientAddress = value(env, "LANDFALL_TRUSTED_PROXIES").map(Config::trustedProxies).orElse(ClientAddress.direct());
        // development only: lets outbound webhooks go to private addresses (localhost, the office network)
        boolean webhooksToAnyHost = value(env, "LANDFALL_WEBHOOKS_TO_ANY_HOST")
                .map(v -> bool("LANDFALL_WEBHOOKS_TO_ANY_HOST", v)).orElse(false);
        // off: this process runs no periodic work (retries, expiry, purges); tests drive the jobs themselves
        boolean backgroundJobs = value(env, "LANDFALL_BACKGROUND_JOBS").map(v -> bool("LANDFALL_BACKGROUND_JOBS", v)).orElse(true);
        Mail mail = Mail.from(value(env, "LANDFALL_SMTP_URL"), value(env, "LANDFALL_MAIL_FROM"));
        Twilio twilio = Twilio.from(value(env, "LANDFALL_TWILIO_ACCOUNT_SID"), value(env, "LANDFALL_TWILIO_AUTH_TOKEN"),
                value(env, "LANDFALL_TWILIO_SMS_FROM"), value(env, "LANDFALL_TWILIO_WHATSAPP_FROM"), value(env, "LANDFALL_TWILIO_API_URL"));
        return new Config(port, databaseUrl, dataDir, baseUrl, demo, imagesFromAnyHost, clientAddress, webhooksToAnyHost,
                backgroundJobs, mail, twilio, Tuning.from(env, properties), SecretKey.from(value(env, SecretKey.NAME)),
                EasyPost.from(value(env, "LANDFALL_EASYPOST_API_URL"), value(env, "LANDFALL_EASYPOST_TIMEOUT_MS")));
    }

    /** The address people reach Landfall at: LANDFALL_BASE_URL, else localhost on the port it listens on. */
    public String baseUrl(int listeningPort) {
        return baseUrl.orElse("http://localhost:" + listeningPort);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static ClientAddress trustedProxies(String raw) {
        try {
            return ClientAddress.trusting(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("LANDFALL_TRUSTED_PROXIES: " + e.getMessage());
        }
    }

    private static int port(String raw) {
        if (raw == null || raw.isBlank()) {
            return 7070;
        }
        try {
            int port = Integer.parseInt(raw.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("PORT must be a whole number from 0 to 65535, got \"" + raw + "\"");
    }

    private static String parseBaseUrl(String raw) {
        try {
            URI uri = new URI(raw);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
                return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
            }
        } catch (java.net.URISyntaxException ignored) {
            // reported below
        }
        throw new ConfigException("LANDFALL_BASE_URL must be an http(s) URL such as https://track.example.com, got \"" + raw + "\"");
    }

    private static boolean bool(String name, String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(name + " must be true or false, got \"" + raw + "\"");
        };
    }
}
