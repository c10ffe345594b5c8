package app.landfall.accounts;

import static app.landfall.db.schema.Tables.MERCHANT_USERS;

import app.landfall.audit.AuditTrail;
import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.auth.Passwords;
import app.landfall.web.ClientAddress;
import app.landfall.web.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Signing in and out. A wrong password and an unknown email get the same answer after the same
 * work (an Argon2id check either way). Failures are counted per email and per address: after five
 * for an email (thirty for an address) the next attempt is refused before any check, until the
 * bucket refills (one attempt per two minutes for an email), so even the right password waits:
 * that is the temporary lockout. Every attempt takes its tokens before the check and a right
 * password gives them back, so attempts sent at once get no more checks than the limits allow.
 * The counters live in this instance's memory.
 */
public final class AdminSignIn {
    public static final String WRONG = "That email and password do not match an account. Check both and try again.";

    private final DSLContext dsl;
    private final AdminAccess access;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;
    private final RateLimiter perEmail;
    private final RateLimiter perAddress;
    private final Clock clock;
    /** Argon2id takes 19 MiB and tens of milliseconds: a crowd of sign-ins waits rather than piling up. */
    private final Semaphore hashing = new Semaphore(2 * Runtime.getRuntime().availableProcessors(), true);

    AdminSignIn(DSLContext dsl, AdminAccess access, AuditTrail audit, ClientAddress clientAddress,
            RateLimiter perEmail, RateLimiter perAddress, Clock clock) {
        this.dsl = dsl;
        this.access = access;
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.perEmail = perEmail;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /** GET /admin/login */
    public void showForm(Context ctx) {
        if (access.signedIn(ctx).isPresent()) {
            ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, "", null, HttpStatus.OK);
    }

    /** POST /admin/login */
    public void signIn(Context ctx) {
        access.verifyForm(ctx);
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").strip().toLowerCase(java.util.Locale.ROOT);
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (email.isEmpty() || password.isEmpty() || email.length() > 254 || password.length() > 1_000) {
            render(ctx, email, "Enter your email and your password.", HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        String ip = clientAddress.of(ctx);
        RateLimiter.Decision taken = take(ip, email);
        if (!taken.allowed()) {
            long minutes = Math.max(1, (taken.retryAfter().toSeconds() + 59) / 60);
            ctx.header("Retry-After", String.valueOf(taken.retryAfter().toSeconds() + 1));
            render(ctx, email, "Too many sign-in attempts. Wait " + minutes + (minutes == 1 ? " minute" : " minutes")
                    + " and try again, or reset your password.", HttpStatus.TOO_MANY_REQUESTS);
            return;
        }
        var user = dsl.select(MERCHANT_USERS.MERCHANT_ID, MERCHANT_USERS.ID, MERCHANT_USERS.PASSWORD_HASH)
                .from(MERCHANT_USERS).where(MERCHANT_USERS.EMAIL.eq(email)).fetchOne();
        boolean matches;
        hashing.acquireUninterruptibly();
        try {
            matches = user == null ? Passwords.matchesNothing(password) : Passwords.matches(password, user.value3());
        } finally {
            hashing.release();
        }
        if (!matches) {
            render(ctx, email, WRONG, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        // only failures count
        perAddress.refund(ip);
        perEmail.refund(email);
        long merchantId = user.value1();
        long userId = user.value2();
        String rehash = Passwords.needsRehash(user.value3()) ? Passwords.hash(password) : null;
        String session = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            var update = tx.update(MERCHANT_USERS).set(MERCHANT_USERS.LAST_LOGIN_AT, now());
            if (rehash != null) {
                update = update.set(MERCHANT_USERS.PASSWORD_HASH, rehash);
            }
            update.where(MERCHANT_USERS.MERCHANT_ID.eq(merchantId)).and(MERCHANT_USERS.ID.eq(userId)).execute();
            AdminPasswords.cancelResets(tx, merchantId, userId, now()); // they remembered it: a link still in a mailbox is no use to anyone else
            audit.record(tx, merchantId, userId, ip, "user.signed_in", Map.of());
            return access.openSession(tx, ctx, merchantId, userId, ip);
        });
        access.replaceSession(ctx, session); // a session id the browser had before (planted or stale) is never the one it leaves with
        ctx.redirect(next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    /** A token from the address's bucket and one from the email's, or neither (and why not). */
    private RateLimiter.Decision take(String ip, String email) {
        RateLimiter.Decision byAddress = perAddress.acquire(ip);
        if (!byAddress.allowed()) {
            return byAddress;
        }
        RateLimiter.Decision byEmail = perEmail.acquire(email);
        if (!byEmail.allowed()) {
            perAddress.refund(ip); // a locked email costs its address nothing more
        }
        return byEmail;
    }

    /** POST /admin/logout: ends the session on the server, not only in this browser. */
    public void signOut(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        dsl.transaction(cfg -> audit.record(DSL.using(cfg), user, clientAddress.of(ctx), "user.signed_out", "user", user.userId(), Map.of()));
        access.endSession(ctx);
        ctx.redirect("/admin/login?signed_out", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String email, String error, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("error", error);
        model.put("next", next(ctx.formParam("next") != null ? ctx.formParam("next") : ctx.queryParam("next")));
        model.put("signedOut", ctx.queryParam("signed_out") != null);
        model.put("passwordChanged", ctx.queryParam("password_changed") != null);
        model.put("csrf", access.formToken(ctx));
        ctx.status(status).render("admin/login", model);
    }

    /** Only a path inside the admin: never another site ("//evil.example" included). */
    public static String next(String next) {
        if (next == null || !(next.equals("/admin") || next.startsWith("/admin/") || next.startsWith("/admin?")) || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x21)) {
            return "/admin";
        }
        return next;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
