package app.landfall.notifications;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal DKIM verifier (RFC 6376) for tests: rsa-sha256 with relaxed/relaxed canonicalization,
 * checked against a public key handed to it (as a receiver would read it from the DNS record), not
 * against DNS. Written from the RFC, independently of the signing library, so a wrong signature fails.
 */
final class DkimVerifier {
    private DkimVerifier() {
    }

    /** The DKIM-Signature's tags, parsed. */
    static Map<String, String> tags(String rawMessage) {
        return parseTags(signatureHeader(headers(rawMessage)).substring("DKIM-Signature:".length()));
    }

    /** Whether the message's DKIM-Signature holds under {@code publicKeyBase64} (the record's p=). */
    static boolean verifies(String rawMessage, String publicKeyBase64) throws Exception {
        List<String> headers = headers(rawMessage);
        String signature = signatureHeader(headers);
        Map<String, String> tags = parseTags(signature.substring(signature.indexOf(':') + 1));
        if (!"rsa-sha256".equals(tags.get("a")) || !"relaxed/relaxed".equals(tags.get("c"))) {
            throw new AssertionError("only rsa-sha256 with relaxed/relaxed is checked here: " + tags);
        }
        String body = rawMessage.substring(rawMessage.indexOf("\r\n\r\n") + 4);
        byte[] bodyHash = MessageDigest.getInstance("SHA-256").digest(relaxedBody(body).getBytes(StandardCharsets.UTF_8));
        if (!Base64.getEncoder().encodeToString(bodyHash).equals(tags.get("bh").replaceAll("\\s", ""))) {
            return false;
        }
        StringBuilder signed = new StringBuilder();
        List<String> remaining = new ArrayList<>(headers);
        for (String name : tags.get("h").split(":")) {
            // the last instance of a header not yet used (RFC 6376 5.4.2); a missing one signs as nothing
            for (int i = remaining.size() - 1; i >= 0; i--) {
                if (name(remaining.get(i)).equalsIgnoreCase(name.strip())) {
                    signed.append(relaxedHeader(remaining.remove(i))).append("\r\n");
                    break;
                }
            }
        }
        String withoutB = signature.replaceAll("(\\bb=)[^;]*", "$1");
        signed.append(relaxedHeader(withoutB));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        rsa.initVerify(key);
        rsa.update(signed.toString().getBytes(StandardCharsets.UTF_8));
        return rsa.verify(Base64.getDecoder().decode(tags.get("b").replaceAll("\\s", "")));
    }

    /** The header fields, each unfolded into one string with its CRLFs inside kept for canonicalization. */
    private static List<String> headers(String raw) {
        String block = raw.substring(0, raw.indexOf("\r\n\r\n") + 2);
        List<String> fields = new ArrayList<>();
        for (String line : block.split("\r\n")) {
            if (!fields.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else if (!line.isEmpty()) {
                fields.add(line);
            }
        }
        return fields;
    }

    private static String signatureHeader(List<String> headers) {
        return headers.stream().filter(h -> name(h).equalsIgnoreCase("DKIM-Signature")).findFirst()
                .orElseThrow(() -> new AssertionError("no DKIM-Signature header"));
    }

    private static String name(String field) {
        return field.substring(0, field.indexOf(':')).strip();
    }

    static String relaxedHeader(String field) {
        int colon = field.indexOf(':');
        String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return field.substring(0, colon).strip().toLowerCase(Locale.ROOT) + ":" + value;
    }

    static String relaxedBody(String body) {
        String[] lines = body.split("\r\n", -1);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
        }
        String canonical = out.toString();
        while (canonical.endsWith("\r\n\r\n")) {
            canonical = canonical.substring(0, canonical.length() - 2);
        }
        return canonical.equals("\r\n") ? "" : canonical;
    }

    private static Map<String, String> parseTags(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : value.replace("\r\n", "").split(";")) {
            int eq = tag.indexOf('=');
            if (eq > 0) {
                tags.put(tag.substring(0, eq).strip(), tag.substring(eq + 1).strip());
            }
        }
        return tags;
    }
}
