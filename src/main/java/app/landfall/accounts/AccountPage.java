package app.landfall.accounts;

import static app.landfall.db.schema.Tables.MERCHANT_USERS;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.audit.AuditTrail;
import app.landfall.auth.Passwords;
import app.landfall.web.ClientAddress;
import app.landfall.web.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Your account: the signed-in person changes their own name and password. A new password needs
 * the current one (a session left open on a shared computer is not enough to take the account),
 * wrong current passwords are limited per person like sign-ins, and the change ends every other
 * session of theirs while this browser goes on with a fresh one.
 */
public final class AccountPage {
    private final DSLContext dsl;
    private final AdminAccess access;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;
    private final RateLimiter wrongPasswords;
    private final Clock clock;

    AccountPage(DSLContext dsl, AdminAccess access, AuditTrail audit, ClientAddress clientAddress, RateLimiter wrongPasswords, Clock clock) {
        this.dsl = dsl;
        this.access = access;
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.wrongPasswords = wrongPasswords;
        this.clock = clock;
    }

    /** GET /admin/account */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        render(ctx, user, user.name(), Map.of(), HttpStatus.OK);
    }

    /** POST /admin/account/name */
    public void rename(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        if (name.isEmpty() || name.length() > 200) {
            render(ctx, user, name, Map.of("name", name.isEmpty() ? "Enter your name." : "Enter a name of at most 200 characters."),
                    HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        if (!name.equals(user.name())) {
            dsl.transaction(cfg -> {
                DSLContext tx = DSL.using(cfg);
                tx.update(MERCHANT_USERS).set(MERCHANT_USERS.NAME, name)
                        .where(MERCHANT_USERS.MERCHANT_ID.eq(user.merchantId())).and(MERCHANT_USERS.ID.eq(user.userId())).execute();
                audit.record(tx, user, clientAddress.of(ctx), "user.renamed", "user", user.userId(), Map.of("from", user.name(), "to", name));
            });
        }
        AdminPages.flash(ctx, "Your name is now " + name + ".");
        ctx.redirect("/admin/account", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/account/password */
    public void changePassword(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        String current = Optional.ofNullable(ctx.formParam("current_password")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String again = Optional.ofNullable(ctx.formParam("password_again")).orElse("");
        Map<String, String> errors = new LinkedHashMap<>();
        if (current.isEmpty() || current.length() > 1_000) {
            errors.put("current_password", "Enter your current password.");
        }
        String problem = AdminPasswords.problem(password, again);
        if (problem != null) {
            errors.put(problem.startsWith("The two") ? "password_again" : "password", problem);
        } else if (password.equals(current)) {
            errors.put("password", "Choose a password different from your current one.");
        }
        if (!errors.isEmpty()) {
            render(ctx, user, user.name(), errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        // the token is taken before the check and given back by the right password, as at sign-in
        String key = user.merchantId() + ":" + user.userId();
        RateLimiter.Decision taken = wrongPasswords.acquire(key);
        if (!taken.allowed()) {
            long minutes = Math.max(1, (taken.retryAfter().toSeconds() + 59) / 60);
            ctx.header("Retry-After", String.valueOf(taken.retryAfter().toSeconds() + 1));
            render(ctx, user, user.name(), Map.of("current_password", "Too many wrong passwords. Wait " + minutes
                    + (minutes == 1 ? " minute" : " minutes") + " and try again."), HttpStatus.TOO_MANY_REQUESTS);
            return;
        }
        String stored = dsl.select(MERCHANT_USERS.PASSWORD_HASH).from(MERCHANT_USERS)
                .where(MERCHANT_USERS.MERCHANT_ID.eq(user.merchantId())).and(MERCHANT_USERS.ID.eq(user.userId()))
                .fetchOne(MERCHANT_USERS.PASSWORD_HASH);
        if (stored == null || !Passwords.matches(current, stored)) {
            render(ctx, user, user.name(), Map.of("current_password", "That is not your current password. Check it and try again."),
                    HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        wrongPasswords.refund(key);
        String hash = Passwords.hash(password);
        String ip = clientAddress.of(ctx);
        String session = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            tx.update(MERCHANT_USERS).set(MERCHANT_USERS.PASSWORD_HASH, hash).set(MERCHANT_USERS.PASSWORD_CHANGED_AT, now)
                    .where(MERCHANT_USERS.MERCHANT_ID.eq(user.merchantId())).and(MERCHANT_USERS.ID.eq(user.userId())).execute();
            AdminPasswords.cancelResets(tx, user.merchantId(), user.userId(), now);
            AdminAccess.endSessions(tx, user.merchantId(), user.userId());
            audit.record(tx, user, ip, "user.password_changed", "user", user.userId(), Map.of());
            return access.openSession(tx, ctx, user.merchantId(), user.userId(), ip);
        });
        access.replaceSession(ctx, session);
        AdminPages.flash(ctx, "Your password is changed. You were signed out everywhere else.");
        ctx.redirect("/admin/account", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, AdminUser user, String name, Map<String, String> errors, HttpStatus status) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", name);
        model.put("errors", errors);
        ctx.status(status);
        AdminPages.render(ctx, user, "account", "admin/account", model);
    }
}
