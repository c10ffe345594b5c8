package app.landfall.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * How texts leave: a Twilio-compatible Messages API. LANDFALL_TWILIO_ACCOUNT_SID and
 * LANDFALL_TWILIO_AUTH_TOKEN (both or neither), LANDFALL_TWILIO_SMS_FROM (a number in E.164 or a
 * Messaging Service SID, MG…), LANDFALL_TWILIO_WHATSAPP_FROM (a WhatsApp sender number in E.164), and
 * LANDFALL_TWILIO_API_URL (https://api.twilio.com unless a test points it at a local fake).
 *
 * @param account empty when no account is configured: texts are rendered and kept, not sent
 * @param smsFrom empty: SMS are kept, not sent
 * @param whatsappFrom empty: WhatsApp messages are kept, not sent
 */
public record Twilio(Optional<Account> account, Optional<String> smsFrom, Optional<String> whatsappFrom, String apiUrl) {
    static final String DEFAULT_API_URL = "https://api.twilio.com";

    public record Account(String sid, String authToken) {
        @Override
        public String toString() {
            return sid; // never the token
        }
    }

    public static Twilio none() {
        return new Twilio(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_API_URL);
    }

    static Twilio from(Optional<String> sid, Optional<String> token, Optional<String> smsFrom, Optional<String> whatsappFrom,
            Optional<String> apiUrl) {
        if (sid.isPresent() != token.isPresent()) {
            throw new ConfigException("LANDFALL_TWILIO_ACCOUNT_SID and LANDFALL_TWILIO_AUTH_TOKEN go together: set both or neither");
        }
        sid.ifPresent(s -> {
            if (!s.matches("AC[0-9a-fA-F]{32}")) {
                throw new ConfigException("LANDFALL_TWILIO_ACCOUNT_SID is an account SID such as AC followed by 32 hex digits (got \"" + s + "\")");
            }
        });
        smsFrom.ifPresent(from -> {
            if (!from.matches("\\+[1-9][0-9]{6,14}") && !from.matches("MG[0-9a-fA-F]{32}")) {
                throw new ConfigException("LANDFALL_TWILIO_SMS_FROM is a number in E.164 (+14155552671) or a Messaging Service SID (MG…), got \""
                        + from + "\"");
            }
        });
        Optional<String> whatsapp = whatsappFrom.map(from -> from.startsWith("whatsapp:") ? from.substring("whatsapp:".length()) : from);
        whatsapp.ifPresent(from -> {
            if (!from.matches("\\+[1-9][0-9]{6,14}")) {
                throw new ConfigException("LANDFALL_TWILIO_WHATSAPP_FROM is a number in E.164 (+14155552671), got \"" + from + "\"");
            }
        });
        Optional<Account> account = sid.map(s -> new Account(s, token.orElseThrow()));
        return new Twilio(account, smsFrom, whatsapp, apiUrl.map(Twilio::apiUrl).orElse(DEFAULT_API_URL));
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
        throw new ConfigException("LANDFALL_TWILIO_API_URL must be an http(s) URL such as https://api.twilio.com, got \"" + raw + "\"");
    }
}
