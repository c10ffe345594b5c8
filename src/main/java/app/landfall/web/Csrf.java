package app.landfall.web;

import app.landfall.auth.Tokens;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Cross-site request forgery protection for forms: a random value in a SameSite cookie that the
 * form must echo in a hidden field (double submit). The cookie holds nothing about the visitor.
 */
public final class Csrf {
    public static final String FIELD = "_csrf";
    static final String COOKIE = "lf_csrf";

    private Csrf() {
    }

    /** The value for the form's hidden field; sets the cookie on the first form a visitor sees. */
    public static String token(Context ctx) {
        String existing = ctx.cookie(COOKIE);
        if (existing != null && existing.matches("[A-Za-z0-9_-]{43}")) {
            return existing;
        }
        String token = Tokens.newToken();
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        cookie.setSecure(ctx.scheme().equals("https"));
        ctx.cookie(cookie);
        return token;
    }

    /** Refuses (403) a form post whose field does not match its cookie. */
    public static void verify(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        String field = ctx.formParam(FIELD);
        if (cookie == null || field == null
                || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("This form has expired. Go back, reload the page and try again.");
        }
    }
}
