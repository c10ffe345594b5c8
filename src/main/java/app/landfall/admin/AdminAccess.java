package app.landfall.admin;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The door to every admin page: finds the session behind the cookie, sends strangers to the
 * sign-in, and refuses state changes without the session's CSRF token (a form's hidden field, or
 * the header htmx sends from the page's {@code hx-headers}).
 */
public final class AdminAccess {
    static final String ATTRIBUTE = "landfall.admin.user";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Pages anyone may open: signing in, and the emailed links for people who cannot sign in yet. */
    private static final Set<String> OPEN = Set.of("/admin/login", "/admin/password/forgot");
    private static final Set<String> OPEN_PREFIXES = Set.of("/admin/password/reset/", "/admin/invitation/");

    private final AdminSessions sessions;
    private final boolean https;

    AdminAccess(AdminSessions sessions, boolean https) {
        this.sessions = sessions;
        this.https = https;
    }

    /** Before every matched /admin route. */
    public void guard(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String path = ctx.path();
        if (OPEN.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
            return;
        }
        Optional<AdminUser> user = sessions.find(sessionId(ctx));
        if (user.isEmpty()) {
            String login = "/admin/login" + (ctx.method().name().equals("GET") && !path.equals("/admin")
                    ? "?next=" + URLEncoder.encode(path + (ctx.queryString() == null ? "" : "?" + ctx.queryString()), StandardCharsets.UTF_8)
                    : "");
            if (ctx.header("HX-Request") != null) {
                ctx.header("HX-Redirect", login); // htmx follows this with a full page load
                ctx.status(HttpStatus.UNAUTHORIZED);
            } else {
                ctx.redirect(login, HttpStatus.SEE_OTHER);
            }
            ctx.skipRemainingHandlers();
            return;
        }
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null) {
                sent = ctx.formParam("_csrf");
            }
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    user.get().csrf().getBytes(StandardCharsets.UTF_8))) {
                throw new ForbiddenResponse("This form has expired. Go back, reload the page and try again.");
            }
        }
        ctx.attribute(ATTRIBUTE, user.get());
    }

    /** The signed-in user (the guard ran); refuses with 403 when their role does not allow this. */
    public static AdminUser require(Context ctx, Role needed) {
        AdminUser user = ctx.attribute(ATTRIBUTE);
        if (user == null) {
            throw new IllegalStateException("an admin handler ran without the guard");
        }
        if (!user.can(needed)) {
            throw new ForbiddenResponse("Your role (" + user.role().label() + ") cannot do this. Ask an owner of "
                    + user.merchantName() + ".");
        }
        return user;
    }

    /** Another merchant's id looks exactly like one that does not exist. */
    public static NotFoundResponse notFound() {
        return new NotFoundResponse("Not found");
    }

    /** An id from the path ({@code /admin/returns/{id}}); anything that is not one is simply not found. */
    public static long id(String raw) {
        if (raw == null || !raw.matches("\\d{1,18}")) {
            throw notFound();
        }
        return Long.parseLong(raw);
    }

    /** Who this browser is signed in as, if anyone (for pages open to everyone, like the sign-in form). */
    public Optional<AdminUser> signedIn(Context ctx) {
        return sessions.find(sessionId(ctx));
    }

    /** A new session for someone who just proved who they are, in the transaction that proved it; returns its id. */
    public String openSession(DSLContext tx, Context ctx, long merchantId, long userId, String ip) {
        return sessions.open(tx, merchantId, userId, ip, ctx.userAgent());
    }

    /** Gives the browser its new session; the one it had before (planted or stale) ends. */
    public void replaceSession(Context ctx, String session) {
        sessions.close(sessionId(ctx));
        setSession(ctx, session);
    }

    /** Sign-out: the session ends on the server, not only in this browser. */
    public void endSession(Context ctx) {
        sessions.close(sessionId(ctx));
        clearSession(ctx);
    }

    /** Ends every session of a user (new password, removed from the team, role changed). */
    public static void endSessions(DSLContext tx, long merchantId, long userId) {
        AdminSessions.closeAll(tx, merchantId, userId);
    }

    private String sessionId(Context ctx) {
        String id = ctx.cookie(cookieName(ctx));
        return id != null ? id : ctx.cookie(https ? "lf_session" : "__Host-lf_session");
    }

    private void setSession(Context ctx, String id) {
        Cookie cookie = new Cookie(cookieName(ctx), id);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        cookie.setSecure(secure(ctx));
        ctx.cookie(cookie);
    }

    private void clearSession(Context ctx) {
        Cookie cookie = new Cookie(cookieName(ctx), "");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        cookie.setSecure(secure(ctx));
        cookie.setMaxAge(0);
        ctx.cookie(cookie);
    }

    /** {@code __Host-} (only this host, only HTTPS, path /) whenever the browser came over HTTPS. */
    private String cookieName(Context ctx) {
        return secure(ctx) ? "__Host-lf_session" : "lf_session";
    }

    private boolean secure(Context ctx) {
        return https || ctx.scheme().equals("https");
    }
}
