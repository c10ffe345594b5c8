package app.landfall.web;

import app.landfall.auth.Tokens;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Cross-site request forgery protection for the shoppers' forms: a random value in a SameSite cookie
 * that the form must echo in a hidden field (double submit). The cookie holds nothing about the
 * visitor. When the site is reached over HTTPS (LANDFALL_BASE_URL, even behind a TLS proxy) the
 * cookie is Secure and {@code __Host-}, and only that one is read, so no other host and nobody on
 * plain HTTP can plant a value of their choosing. (The admin's forms use sessions and pre-sessions.)
 */
public final class Csrf {
    public static final String FIELD = "_csrf";
    static final String COOKIE = "lf_csrf";
    static final String HOST_COOKIE = "__Host-lf_csrf";
    /** The request attribute that says the site is served over HTTPS; the web server sets it on every request. */
    static final String HTTPS = "landfall.https";

    private Csrf() {
    }

    /** The value for the form's hidden field; sets the cookie on the first form a visitor sees. */
    public static String token(Context ctx) {
        String existing = ctx.cookie(cookieName(ctx));
        if (existing != null && existing.matches("[A-Za-z0-9_-]{43}")) {
            return existing;
        }
        String token = Tokens.newToken();
        Cookie cookie = new Cookie(cookieName(ctx), token);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        cookie.setSecure(secure(ctx));
        ctx.cookie(cookie);
        return token;
    }

    /**
     * A short digest of the visitor's token, "none" before they have one: a cached page with the
     * token in its forms is the same page only for the same token (part of its ETag).
     */
    public static String fingerprint(Context ctx) {
        String existing = ctx.cookie(cookieName(ctx));
        if (existing == null || !existing.matches("[A-Za-z0-9_-]{43}")) {
            return "none";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(existing.getBytes(StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Refuses (403) a form post whose field does not match its cookie. */
    public static void verify(Context ctx) {
        String cookie = ctx.cookie(cookieName(ctx));
        String field = ctx.formParam(FIELD);
        if (cookie == null || field == null
                || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("This form has expired. Go back, reload the page and try again.");
        }
    }

    private static boolean secure(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(HTTPS)) || ctx.scheme().equals("https");
    }

    private static String cookieName(Context ctx) {
        return secure(ctx) ? HOST_COOKIE : COOKIE;
    }
}
