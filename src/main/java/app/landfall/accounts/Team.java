package app.landfall.accounts;

import static app.landfall.db.schema.Tables.ADMIN_TOKENS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;

import app.landfall.notifications.Outbox;
import app.landfall.notifications.Notice;
import app.landfall.audit.AuditTrail;
import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.auth.Digests;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.web.ClientAddress;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * The merchant's team, run by owners: invite someone by email with a role (a single-use link valid
 * for 7 days, through the notification outbox), change roles, remove people. A store always keeps
 * at least one owner.
 */
public final class Team {
    static final Duration INVITATION_VALID_FOR = Duration.ofDays(7);
    private final DSLContext dsl;
    private final Outbox outbox;
    private final AdminAccess access;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;
    private final IntFunction<String> baseUrl;
    private final Clock clock;

    Team(DSLContext dsl, Outbox outbox, AdminAccess access, AuditTrail audit, ClientAddress clientAddress,
            IntFunction<String> baseUrl, Clock clock) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.access = access;
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    public record Member(long id, String name, String email, String role, String lastSignIn, boolean you) {
    }

    public record Invitation(String email, String name, String role, String expires) {
    }

    /** GET /admin/team */
    public void show(Context ctx) {
        render(ctx, AdminAccess.require(ctx, Role.OWNER), Map.of());
    }

    /** POST /admin/team/invitations */
    public void invite(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").strip().toLowerCase(Locale.ROOT);
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        Optional<Role> role = Role.parse(ctx.formParam("role"));
        String problem = !email.matches("[^@\\s]{1,64}@[^@\\s]{1,190}") ? "Enter the email of the person to invite."
                : name.isEmpty() || name.length() > 200 ? "Enter their name (up to 200 characters)."
                : role.isEmpty() ? "Choose a role."
                : dsl.fetchExists(MERCHANT_USERS, MERCHANT_USERS.EMAIL.eq(email))
                        ? "That email already signs in to a Landfall store; each email belongs to one team." : null;
        if (problem != null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, user, Map.of("error", problem, "email", email, "name", name));
            return;
        }
        String token = Tokens.newToken();
        byte[] hash = Digests.sha256(token);
        OffsetDateTime now = now();
        String link = baseUrl.apply(ctx.port()) + "/admin/invitation/" + token;
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.insertInto(ADMIN_TOKENS).set(ADMIN_TOKENS.TOKEN_HASH, hash).set(ADMIN_TOKENS.MERCHANT_ID, user.merchantId())
                    .set(ADMIN_TOKENS.KIND, "invitation").set(ADMIN_TOKENS.EMAIL, email).set(ADMIN_TOKENS.NAME, name)
                    .set(ADMIN_TOKENS.ROLE, role.get().code()).set(ADMIN_TOKENS.CREATED_BY, user.userId())
                    .set(ADMIN_TOKENS.CREATED_AT, now).set(ADMIN_TOKENS.EXPIRES_AT, now.plus(INVITATION_VALID_FOR)).execute();
            outbox.add(tx, Notice.staffEmail(user.merchantId(), "admin.invitation", email,
                    Map.of("link", link, "store", user.merchantName(), "invited_by", user.name(), "role", role.get().label()),
                    "admin_token:" + HexFormat.of().formatHex(hash, 0, 16)), now);
            audit.record(tx, user, clientAddress.of(ctx), "user.invited", "user", null, Map.of("email", email, "role", role.get().code()));
        });
        redirect(ctx, email + " is invited as " + role.get().label().toLowerCase(Locale.ROOT) + ". The link works for 7 days.");
    }

    /** POST /admin/team/{id}/role */
    public void changeRole(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        long id = AdminAccess.id(ctx.pathParam("id"));
        Role role = Role.parse(ctx.formParam("role")).orElse(null);
        String outcome = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            var member = member(tx, user.merchantId(), id);
            if (role == null) {
                return "Choose a role.";
            }
            if (member.value2().equals("owner") && role != Role.OWNER && owners(tx, user.merchantId()) == 1) {
                return "The store needs an owner: make someone else owner first.";
            }
            tx.update(MERCHANT_USERS).set(MERCHANT_USERS.ROLE, role.code())
                    .where(MERCHANT_USERS.MERCHANT_ID.eq(user.merchantId())).and(MERCHANT_USERS.ID.eq(id)).execute();
            audit.record(tx, user, clientAddress.of(ctx), "user.role_changed", "user", id,
                    Map.of("from", member.value2(), "to", role.code()));
            return member.value1() + " is now " + role.label().toLowerCase(Locale.ROOT) + ".";
        });
        redirect(ctx, outcome);
    }

    /** POST /admin/team/{id}/removal: the person's sessions end with their account. */
    public void remove(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        long id = AdminAccess.id(ctx.pathParam("id"));
        String outcome = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            var member = member(tx, user.merchantId(), id);
            if (id == user.userId()) {
                return "You cannot remove yourself: another owner can.";
            }
            if (member.value2().equals("owner") && owners(tx, user.merchantId()) == 1) {
                return "The store needs an owner: make someone else owner first.";
            }
            tx.deleteFrom(MERCHANT_USERS).where(MERCHANT_USERS.MERCHANT_ID.eq(user.merchantId())).and(MERCHANT_USERS.ID.eq(id)).execute();
            audit.record(tx, user, clientAddress.of(ctx), "user.removed", "user", id, Map.of("email", member.value3()));
            return member.value1() + " is removed from the team.";
        });
        redirect(ctx, outcome);
    }

    /** GET /admin/invitation/{token} */
    public void showInvitation(Context ctx) {
        var invitation = invitation(dsl, ctx.pathParam("token"), false);
        if (invitation.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).render("admin/invitation", Map.of("expired", true, "csrf", access.formToken(ctx)));
            return;
        }
        ctx.render("admin/invitation", Map.of("expired", false, "csrf", access.formToken(ctx), "email", invitation.get().getEmail(),
                "name", invitation.get().getName()));
    }

    /** POST /admin/invitation/{token}: creates the account and signs its owner in. */
    public void accept(Context ctx) {
        access.verifyForm(ctx);
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String problem = name.isEmpty() || name.length() > 200 ? "Enter your name (up to 200 characters)."
                : AdminPasswords.problem(password, Optional.ofNullable(ctx.formParam("password_again")).orElse(""));
        var shown = invitation(dsl, ctx.pathParam("token"), false);
        if (shown.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).render("admin/invitation", Map.of("expired", true, "csrf", access.formToken(ctx)));
            return;
        }
        if (problem != null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).render("admin/invitation", Map.of("expired", false, "csrf", access.formToken(ctx),
                    "email", shown.get().getEmail(), "name", name, "error", problem));
            return;
        }
        String hash = Passwords.hash(password);
        String ip = clientAddress.of(ctx);
        Optional<String> session;
        try {
            session = join(ctx, hash, name, ip);
        } catch (org.jooq.exception.IntegrityConstraintViolationException e) {
            session = Optional.empty(); // the email joined a team a moment ago, through another invitation
        }
        if (session.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).render("admin/invitation", Map.of("expired", true, "csrf", access.formToken(ctx)));
            return;
        }
        access.replaceSession(ctx, session.get());
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    private Optional<String> join(Context ctx, String hash, String name, String ip) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            var shown = invitation(tx, ctx.pathParam("token"), false);
            if (shown.isEmpty()) {
                return Optional.<String>empty();
            }
            // every open invitation of this store to that email, locked in one order: two of them accepted
            // at once wait for each other (the second then finds its own used up) rather than deadlock
            tx.select(ADMIN_TOKENS.TOKEN_HASH).from(ADMIN_TOKENS).where(ADMIN_TOKENS.MERCHANT_ID.eq(shown.get().getMerchantId()))
                    .and(ADMIN_TOKENS.KIND.eq("invitation")).and(ADMIN_TOKENS.EMAIL.eq(shown.get().getEmail()))
                    .and(ADMIN_TOKENS.USED_AT.isNull()).orderBy(ADMIN_TOKENS.TOKEN_HASH).forUpdate().execute();
            var invitation = invitation(tx, ctx.pathParam("token"), true);
            if (invitation.isEmpty() || tx.fetchExists(MERCHANT_USERS, MERCHANT_USERS.EMAIL.eq(invitation.get().getEmail()))) {
                return Optional.<String>empty();
            }
            var i = invitation.get();
            long userId = tx.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, i.getMerchantId())
                    .set(MERCHANT_USERS.EMAIL, i.getEmail()).set(MERCHANT_USERS.NAME, name).set(MERCHANT_USERS.PASSWORD_HASH, hash)
                    .set(MERCHANT_USERS.ROLE, i.getRole()).set(MERCHANT_USERS.LAST_LOGIN_AT, now())
                    .returning(MERCHANT_USERS.ID).fetchSingle(MERCHANT_USERS.ID);
            // every invitation of this store to that email is used up: an older one (another role, say)
            // must not bring them back after they leave the team
            tx.update(ADMIN_TOKENS).set(ADMIN_TOKENS.USED_AT, now()).where(ADMIN_TOKENS.MERCHANT_ID.eq(i.getMerchantId()))
                    .and(ADMIN_TOKENS.KIND.eq("invitation")).and(ADMIN_TOKENS.EMAIL.eq(i.getEmail())).and(ADMIN_TOKENS.USED_AT.isNull())
                    .execute();
            audit.record(tx, i.getMerchantId(), userId, ip, "user.joined", Map.of("role", i.getRole()));
            return Optional.of(access.openSession(tx, ctx, i.getMerchantId(), userId, ip));
        });
    }

    private Optional<app.landfall.db.schema.tables.records.AdminTokensRecord> invitation(DSLContext q, String token, boolean lock) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        var select = q.selectFrom(ADMIN_TOKENS).where(ADMIN_TOKENS.TOKEN_HASH.eq(Digests.sha256(token)))
                .and(ADMIN_TOKENS.KIND.eq("invitation")).and(ADMIN_TOKENS.USED_AT.isNull()).and(ADMIN_TOKENS.EXPIRES_AT.gt(now()));
        return Optional.ofNullable(lock ? select.forUpdate().fetchOne() : select.fetchOne());
    }

    private static org.jooq.Record3<String, String, String> member(DSLContext tx, long merchantId, long id) {
        var member = tx.select(MERCHANT_USERS.NAME, MERCHANT_USERS.ROLE, MERCHANT_USERS.EMAIL).from(MERCHANT_USERS)
                .where(MERCHANT_USERS.MERCHANT_ID.eq(merchantId)).and(MERCHANT_USERS.ID.eq(id)).forUpdate().fetchOne();
        if (member == null) {
            throw AdminAccess.notFound();
        }
        return member;
    }

    /** How many owners the store has, with their rows locked so two demotions cannot both pass. */
    private static int owners(DSLContext tx, long merchantId) {
        return tx.select(MERCHANT_USERS.ID).from(MERCHANT_USERS).where(MERCHANT_USERS.MERCHANT_ID.eq(merchantId))
                .and(MERCHANT_USERS.ROLE.eq("owner")).forUpdate().fetch().size();
    }

    private void render(Context ctx, AdminUser user, Map<String, ?> extra) {
        ZoneId zone = user.zone();
        List<Member> members = dsl.selectFrom(MERCHANT_USERS).where(MERCHANT_USERS.MERCHANT_ID.eq(user.merchantId()))
                .orderBy(MERCHANT_USERS.NAME).fetch(u -> new Member(u.getId(), u.getName(), u.getEmail(), u.getRole(),
                        u.getLastLoginAt() == null ? "Never" : AdminPages.time(u.getLastLoginAt(), zone),
                        u.getId() == user.userId()));
        List<Invitation> invitations = dsl.selectFrom(ADMIN_TOKENS).where(ADMIN_TOKENS.MERCHANT_ID.eq(user.merchantId()))
                .and(ADMIN_TOKENS.KIND.eq("invitation")).and(ADMIN_TOKENS.USED_AT.isNull()).and(ADMIN_TOKENS.EXPIRES_AT.gt(now()))
                .orderBy(ADMIN_TOKENS.CREATED_AT.desc())
                .fetch(i -> new Invitation(i.getEmail(), i.getName(), Role.of(i.getRole()).label(),
                        AdminPages.time(i.getExpiresAt(), zone)));
        Map<String, Object> model = new HashMap<>(extra);
        model.put("members", members);
        model.put("invitations", invitations);
        model.put("roles", List.of(Role.OWNER, Role.ADMIN, Role.SUPPORT).stream()
                .map(r -> Map.of("code", r.code(), "label", r.label())).toList());
        
        AdminPages.render(ctx, user, "team", "admin/team", model);
    }

    private static void redirect(Context ctx, String notice) {
        AdminPages.flash(ctx, notice);
        ctx.redirect("/admin/team", HttpStatus.SEE_OTHER);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
