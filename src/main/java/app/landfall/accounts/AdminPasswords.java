package app.landfall.accounts;

import static app.landfall.db.schema.Tables.ADMIN_TOKENS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;

import app.landfall.notifications.Outbox;
import app.landfall.notifications.Notice;
import app.landfall.admin.AdminAccess;
import app.landfall.audit.AuditTrail;
import app.landfall.auth.Digests;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.web.ClientAddress;
import app.landfall.web.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * "Forgot your password?": a single-use link valid for an hour, written to the notification
 * outbox (the notifications work sends it). The answer is the same whether the email has an
 * account or not. Setting a new password ends every session of that user and cancels every other
 * link sent to them; so does signing in with the old one.
 */
public final class AdminPasswords {
    static final Duration VALID_FOR = Duration.ofHours(1);
    static final int MIN_LENGTH = 12;

    private final DSLContext dsl;
    private final Outbox outbox;
    private final AdminAccess access;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;
    private final RateLimiter limiter;
    private final IntFunction<String> baseUrl;
    private final Clock clock;

    AdminPasswords(DSLContext dsl, Outbox outbox, AdminAccess access, AuditTrail audit, ClientAddress clientAddress, RateLimiter limiter,
            IntFunction<String> baseUrl, Clock clock) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.access = access;
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.limiter = limiter;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** GET /admin/password/forgot */
    public void showForgot(Context ctx) {
        ctx.render("admin/forgot", Map.of("csrf", access.formToken(ctx), "email", "", "sent", false));
    }

    /** POST /admin/password/forgot */
    public void sendLink(Context ctx) {
        access.verifyForm(ctx);
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").strip().toLowerCase(Locale.ROOT);
        if (!email.matches("[^@\\s]{1,64}@[^@\\s]{1,190}")) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).render("admin/forgot", Map.of("csrf", access.formToken(ctx), "email", email,
                    "sent", false, "error", "Enter the email you sign in with."));
            return;
        }
        RateLimiter.Decision decision = limiter.acquire(clientAddress.of(ctx));
        if (decision.allowed() && limiter.acquire("email:" + email).allowed()) {
            String site = baseUrl.apply(ctx.port());
            dsl.transaction(cfg -> issue(DSL.using(cfg), email, site));
        }
        // the same page whether or not the email has an account, or was asked for too often
        ctx.render("admin/forgot", Map.of("csrf", access.formToken(ctx), "email", email, "sent", true));
    }

    private void issue(DSLContext tx, String email, String site) {
        var user = tx.select(MERCHANT_USERS.MERCHANT_ID, MERCHANT_USERS.ID).from(MERCHANT_USERS)
                .where(MERCHANT_USERS.EMAIL.eq(email)).fetchOne();
        if (user == null) {
            return;
        }
        String token = Tokens.newToken();
        byte[] hash = Digests.sha256(token);
        OffsetDateTime now = now();
        tx.insertInto(ADMIN_TOKENS)
                .set(ADMIN_TOKENS.TOKEN_HASH, hash)
                .set(ADMIN_TOKENS.MERCHANT_ID, user.value1())
                .set(ADMIN_TOKENS.KIND, "password_reset")
                .set(ADMIN_TOKENS.USER_ID, user.value2())
                .set(ADMIN_TOKENS.EMAIL, email)
                .set(ADMIN_TOKENS.CREATED_AT, now)
                .set(ADMIN_TOKENS.EXPIRES_AT, now.plus(VALID_FOR))
                .execute();
        String link = site + "/admin/password/reset/" + token;
        outbox.add(tx, Notice.staffEmail(user.value1(), "admin.password_reset", email,
                Map.of("link", link, "expires_at", now.plus(VALID_FOR).toString()),
                "admin_token:" + HexFormat.of().formatHex(hash, 0, 16)), now);
    }

    /** GET /admin/password/reset/{token} */
    public void showReset(Context ctx) {
        if (live(dsl, ctx.pathParam("token"), false).isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).render("admin/reset", Map.of("expired", true, "csrf", access.formToken(ctx)));
            return;
        }
        ctx.render("admin/reset", Map.of("expired", false, "csrf", access.formToken(ctx)));
    }

    /** POST /admin/password/reset/{token} */
    public void reset(Context ctx) {
        access.verifyForm(ctx);
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String again = Optional.ofNullable(ctx.formParam("password_again")).orElse("");
        String problem = problem(password, again);
        if (problem != null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).render("admin/reset", Map.of("expired", false, "csrf", access.formToken(ctx),
                    "error", problem));
            return;
        }
        String hash = Passwords.hash(password);
        String ip = clientAddress.of(ctx);
        boolean changed = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            var token = live(tx, ctx.pathParam("token"), false);
            if (token.isEmpty()) {
                return false;
            }
            long merchantId = token.get().value1();
            long userId = token.get().value2();
            // the user's row first, as a sign-in does: a sign-in or another of their links at the same
            // moment waits its turn (and then finds this link used) instead of deadlocking with this one
            tx.selectOne().from(MERCHANT_USERS).where(MERCHANT_USERS.MERCHANT_ID.eq(merchantId)).and(MERCHANT_USERS.ID.eq(userId))
                    .forUpdate().execute();
            if (live(tx, ctx.pathParam("token"), true).isEmpty()) {
                return false;
            }
            tx.update(MERCHANT_USERS).set(MERCHANT_USERS.PASSWORD_HASH, hash).set(MERCHANT_USERS.PASSWORD_CHANGED_AT, now())
                    .where(MERCHANT_USERS.MERCHANT_ID.eq(merchantId)).and(MERCHANT_USERS.ID.eq(userId)).execute();
            cancelResets(tx, merchantId, userId, now());
            AdminAccess.endSessions(tx, merchantId, userId);
            audit.record(tx, merchantId, userId, ip, "user.password_reset", Map.of());
            return true;
        });
        if (!changed) {
            ctx.status(HttpStatus.NOT_FOUND).render("admin/reset", Map.of("expired", true, "csrf", access.formToken(ctx)));
            return;
        }
        ctx.redirect("/admin/login?password_changed", HttpStatus.SEE_OTHER);
    }

    /** Uses up every reset link of a user that is still open: one was used, or they remembered their password. */
    static void cancelResets(DSLContext tx, long merchantId, long userId, OffsetDateTime now) {
        tx.update(ADMIN_TOKENS).set(ADMIN_TOKENS.USED_AT, now)
                .where(ADMIN_TOKENS.MERCHANT_ID.eq(merchantId)).and(ADMIN_TOKENS.USER_ID.eq(userId))
                .and(ADMIN_TOKENS.KIND.eq("password_reset")).and(ADMIN_TOKENS.USED_AT.isNull())
                .execute();
    }

    /** What is wrong with a new password, or null. */
    static String problem(String password, String again) {
        if (password.length() < MIN_LENGTH) {
            return "Choose a password of at least " + MIN_LENGTH + " characters.";
        }
        if (password.length() > 200) {
            return "Choose a password of at most 200 characters.";
        }
        if (!password.equals(again)) {
            return "The two passwords are not the same.";
        }
        return null;
    }

    /** The unused, unexpired reset token's merchant and user, locked when asked. */
    private Optional<org.jooq.Record2<Long, Long>> live(DSLContext q, String token, boolean lock) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        var select = q.select(ADMIN_TOKENS.MERCHANT_ID, ADMIN_TOKENS.USER_ID).from(ADMIN_TOKENS)
                .where(ADMIN_TOKENS.TOKEN_HASH.eq(Digests.sha256(token)))
                .and(ADMIN_TOKENS.KIND.eq("password_reset"))
                .and(ADMIN_TOKENS.USED_AT.isNull())
                .and(ADMIN_TOKENS.EXPIRES_AT.gt(now()));
        return Optional.ofNullable(lock ? select.forUpdate().fetchOne() : select.fetchOne());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
