package app.landfall.admin;

import static app.landfall.db.schema.Tables.ADMIN_SESSIONS;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;

import app.landfall.auth.Digests;
import app.landfall.auth.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Server-side admin sessions in PostgreSQL, so any app instance can serve any signed-in merchant.
 * The cookie holds 256 random bits; the table holds only their SHA-256. A session ends after 30
 * minutes without a request, 12 hours after sign-in whatever happens, or at sign-out.
 */
final class AdminSessions {
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    /** last_seen_at is written at most this often, not on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final DSLContext dsl;
    private final Clock clock;

    AdminSessions(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** A new session for a user who just proved who they are; returns the cookie's value. */
    String open(DSLContext tx, long merchantId, long userId, String ip, String userAgent) {
        String id = Tokens.newToken();
        OffsetDateTime now = now();
        tx.insertInto(ADMIN_SESSIONS)
                .set(ADMIN_SESSIONS.ID_HASH, Digests.sha256(id))
                .set(ADMIN_SESSIONS.MERCHANT_ID, merchantId)
                .set(ADMIN_SESSIONS.USER_ID, userId)
                .set(ADMIN_SESSIONS.CSRF_TOKEN, Tokens.newToken())
                .set(ADMIN_SESSIONS.CREATED_AT, now)
                .set(ADMIN_SESSIONS.LAST_SEEN_AT, now)
                .set(ADMIN_SESSIONS.IP, ip)
                .set(ADMIN_SESSIONS.USER_AGENT, userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length())))
                .execute();
        return id;
    }

    /** The signed-in user behind a cookie value, if the session is live; keeps it alive. */
    Optional<AdminUser> find(String id) {
        return live(id).map(Live::user);
    }

    /** A live session: who, and the notice waiting for the next page it renders (or null). */
    record Live(AdminUser user, String flash, boolean flashIsProblem) {
    }

    /** The session behind a cookie value with its waiting notice, if it is live; keeps it alive. */
    Optional<Live> live(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        byte[] hash = Digests.sha256(id);
        OffsetDateTime now = now();
        var row = dsl.select(ADMIN_SESSIONS.MERCHANT_ID, MERCHANTS.SLUG, MERCHANTS.NAME, ADMIN_SESSIONS.USER_ID,
                        MERCHANT_USERS.EMAIL, MERCHANT_USERS.NAME, MERCHANT_USERS.ROLE, ADMIN_SESSIONS.CSRF_TOKEN,
                        ADMIN_SESSIONS.LAST_SEEN_AT, MERCHANTS.TIMEZONE, ADMIN_SESSIONS.FLASH, ADMIN_SESSIONS.FLASH_IS_PROBLEM)
                .from(ADMIN_SESSIONS)
                .join(MERCHANT_USERS).on(MERCHANT_USERS.MERCHANT_ID.eq(ADMIN_SESSIONS.MERCHANT_ID))
                .and(MERCHANT_USERS.ID.eq(ADMIN_SESSIONS.USER_ID))
                .join(MERCHANTS).on(MERCHANTS.ID.eq(ADMIN_SESSIONS.MERCHANT_ID))
                .where(ADMIN_SESSIONS.ID_HASH.eq(hash))
                .and(ADMIN_SESSIONS.LAST_SEEN_AT.gt(now.minus(IDLE)))
                .and(ADMIN_SESSIONS.CREATED_AT.gt(now.minus(ABSOLUTE)))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        if (row.value9().isBefore(now.minus(TOUCH_EVERY))) {
            dsl.update(ADMIN_SESSIONS).set(ADMIN_SESSIONS.LAST_SEEN_AT, now).where(ADMIN_SESSIONS.ID_HASH.eq(hash)).execute();
        }
        return Optional.of(new Live(new AdminUser(row.value1(), row.value2(), row.value3(), row.value10(), row.value4(), row.value5(),
                row.value6(), Role.of(row.value7()), row.value8()), row.value11(), row.value12()));
    }

    /** Leaves a notice for the next page this session renders (replacing one not yet shown). */
    void leaveFlash(String id, String notice, boolean problem) {
        String text = notice.length() > 500 ? notice.substring(0, 499) + "…" : notice;
        dsl.update(ADMIN_SESSIONS).set(ADMIN_SESSIONS.FLASH, text).set(ADMIN_SESSIONS.FLASH_IS_PROBLEM, problem).where(ADMIN_SESSIONS.ID_HASH.eq(Digests.sha256(id))).execute();
    }

    /** The notice was shown: clear it, unless another request has left a newer one meanwhile. */
    void clearFlash(String id, String shown) {
        dsl.update(ADMIN_SESSIONS).setNull(ADMIN_SESSIONS.FLASH)
                .where(ADMIN_SESSIONS.ID_HASH.eq(Digests.sha256(id))).and(ADMIN_SESSIONS.FLASH.eq(shown)).execute();
    }

    /** Ends one session (sign-out). */
    void close(String id) {
        if (id != null && id.matches("[A-Za-z0-9_-]{43}")) {
            dsl.deleteFrom(ADMIN_SESSIONS).where(ADMIN_SESSIONS.ID_HASH.eq(Digests.sha256(id))).execute();
        }
    }

    /** Ends every session of a user (new password, removed from the team, role changed). */
    static void closeAll(DSLContext tx, long merchantId, long userId) {
        tx.deleteFrom(ADMIN_SESSIONS).where(ADMIN_SESSIONS.MERCHANT_ID.eq(merchantId)).and(ADMIN_SESSIONS.USER_ID.eq(userId)).execute();
    }

    /** Deletes sessions that can no longer be used; returns how many. */
    int purge() {
        OffsetDateTime now = now();
        return dsl.deleteFrom(ADMIN_SESSIONS)
                .where(ADMIN_SESSIONS.LAST_SEEN_AT.le(now.minus(IDLE)).or(ADMIN_SESSIONS.CREATED_AT.le(now.minus(ABSOLUTE))))
                .execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
