package app.landfall.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * How email leaves: LANDFALL_SMTP_URL and LANDFALL_MAIL_FROM. {@code smtp://user:pass@host:587}
 * speaks STARTTLS, {@code smtps://user:pass@host:465} TLS from the first byte, and a plain
 * {@code smtp://127.0.0.1:1025} suits a local relay or a catcher such as Mailpit. Credentials are
 * never sent unencrypted to another machine: with a user on {@code smtp://} to a host that is not
 * this one, STARTTLS is required, and a server that does not offer it is not sent anything.
 *
 * @param server empty when no mail server is configured: messages are rendered and kept, not sent
 * @param from   the sender address every message uses (the store's name is its display name)
 */
public record Mail(Optional<Server> server, String from) {
    static final String DEFAULT_FROM = "no-reply@landfall.invalid";

    public record Server(String host, int port, boolean implicitTls, boolean startTlsRequired, String user, String password) {
        /** The server as it may be printed: no password. */
        public String describe() {
            return (implicitTls ? "smtps://" : "smtp://") + (user == null ? "" : user + "@") + host + ":" + port
                    + (startTlsRequired ? " (STARTTLS required)" : "");
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    static Mail from(Optional<String> url, Optional<String> from) {
        String sender = from.map(Mail::address).orElse(DEFAULT_FROM);
        return new Mail(url.map(Mail::server), sender);
    }

    static Server server(String raw) {
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw invalid(raw, "it is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
            throw invalid(raw, "it must start with smtp:// or smtps://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid(raw, "it names no host");
        }
        boolean implicitTls = scheme.equals("smtps");
        int port = uri.getPort() != -1 ? uri.getPort() : implicitTls ? 465 : 587;
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
        }
        boolean local = isLoopback(uri.getHost());
        boolean startTlsRequired = !implicitTls && user != null && !local;
        return new Server(uri.getHost(), port, implicitTls, startTlsRequired, user, password);
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static String address(String raw) {
        String value = raw.trim();
        // a bare address, or "Name <address>": the name is the store's, so only the address is kept
        int open = value.lastIndexOf('<');
        String address = open >= 0 && value.endsWith(">") ? value.substring(open + 1, value.length() - 1).trim() : value;
        if (!address.matches("[^\\s@<>\"(),;:\\\\\\[\\]]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}|[^\\s@<>\"(),;:\\\\\\[\\]]+@localhost")) {
            throw new ConfigException("LANDFALL_MAIL_FROM is not an email address (got \"" + raw + "\")");
        }
        return address;
    }

    private static ConfigException invalid(String raw, String why) {
        return new ConfigException("LANDFALL_SMTP_URL is not usable: " + why + " (got \"" + DatabaseUrl.redact(raw) + "\")");
    }
}
