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
 * the header htmx sends from the page's {@code hx-headers}). The forms of people not signed in yet
 * carry the token of their pre-session instead. Under HTTPS both cookies are {@code __Host-}, and
 * only those are read: no other host, nor anyone on plain HTTP, can set them.
 */
public final class AdminAccess {
    static final String ATTRIBUTE = "landfall.admin.user";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION = "lf_session";
    private static final String PRE_SESSION = "lf_presession";
    private static final String EXPIRED = "This form has expired. Go back, reload the page and try again.";
    /** Pages anyone may open: signing in, and the emailed links for people who cannot sign in yet. */
    private static final Set<String> OPEN = Set.of("/admin/login", "/admin/password/forgot");
    private static final Set<String> OPEN_PREFIXES = Set.of("/admin/password/reset/", "/admin/invitation/");

    private final AdminSessions sessions;
    private final PreSessions preSessions;
    private final boolean https;

    AdminAccess(AdminSessions sessions, PreSessions preSessions, boolean https) {
        this.sessions = sessions;
        this.preSessions = preSessions;
        this.https = https;
    }

    /** Before every matched /admin route. */
    public void guard(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String path = ctx.path();
        if (OPEN.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
            return;
        }
        Optional<AdminSessions.Live> live = sessions.live(sessionId(ctx));
        Optional<AdminUser> user = live.map(AdminSessions.Live::user);
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
                throw new ForbiddenResponse(EXPIRED);
            }
        }
        ctx.attribute(ATTRIBUTE, user.get());
        ctx.attribute(Flash.ATTRIBUTE, new Flash(sessions, sessionId(ctx), live.get().flash(), live.get().flashIsProblem()));
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

    /**
     * The CSRF token for a form of someone not signed in yet (sign-in, forgotten password, reset,
     * invitation): their pre-session's, opened on the first such form this browser sees.
     */
    public String formToken(Context ctx) {
        Optional<String> live = preSessions.csrf(ctx.cookie(cookieName(ctx, PRE_SESSION)));
        if (live.isPresent()) {
            return live.get();
        }
        PreSessions.Opened opened = preSessions.open();
        ctx.cookie(cookie(ctx, PRE_SESSION, opened.id(), SameSite.STRICT));
        return opened.csrf();
    }

    /** Refuses (403) such a form unless it carries its browser's live pre-session token. */
    public void verifyForm(Context ctx) {
        Optional<String> expected = preSessions.csrf(ctx.cookie(cookieName(ctx, PRE_SESSION)));
        String sent = ctx.formParam("_csrf");
        if (expected.isEmpty() || sent == null
                || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse(EXPIRED);
        }
    }

    /** A new session for someone who just proved who they are, in the transaction that proved it; returns its id. */
    public String openSession(DSLContext tx, Context ctx, long merchantId, long userId, String ip) {
        return sessions.open(tx, merchantId, userId, ip, ctx.userAgent());
    }

    /** Gives the browser its new session; the one it had before (planted or stale) ends, and so does its pre-session. */
    public void replaceSession(Context ctx, String session) {
        sessions.close(sessionId(ctx));
        String preSession = ctx.cookie(cookieName(ctx, PRE_SESSION));
        if (preSession != null) {
            preSessions.close(preSession);
            Cookie gone = cookie(ctx, PRE_SESSION, "", SameSite.STRICT);
            gone.setMaxAge(0);
            ctx.cookie(gone);
        }
        ctx.cookie(cookie(ctx, SESSION, session, SameSite.LAX));
        if (ctx.attribute(Flash.ATTRIBUTE) != null) {
            // a signed-in user given a new session (new password): a notice left now waits on the new one
            ctx.attribute(Flash.ATTRIBUTE, new Flash(sessions, session, null, false));
        }
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

    /** Only the cookie of this scheme's name: under HTTPS a plain one (which anyone could plant) is not read. */
    private String sessionId(Context ctx) {
        return ctx.cookie(cookieName(ctx, SESSION));
    }

    private void clearSession(Context ctx) {
        Cookie cookie = cookie(ctx, SESSION, "", SameSite.LAX);
        cookie.setMaxAge(0);
        ctx.cookie(cookie);
    }

    private Cookie cookie(Context ctx, String name, String value, SameSite sameSite) {
        Cookie cookie = new Cookie(cookieName(ctx, name), value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(sameSite);
        cookie.setSecure(secure(ctx));
        return cookie;
    }

    /** {@code __Host-} (only this host, only HTTPS, path /) whenever the site is reached over HTTPS. */
    private String cookieName(Context ctx, String name) {
        return secure(ctx) ? "__Host-" + name : name;
    }

    private boolean secure(Context ctx) {
        return https || ctx.scheme().equals("https");
    }
}
