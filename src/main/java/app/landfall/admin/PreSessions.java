package app.landfall.admin;

import static app.landfall.db.schema.Tables.ADMIN_PRESESSIONS;

import app.landfall.auth.Digests;
import app.landfall.auth.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * A browser that is not signed in yet, kept in PostgreSQL like a session: the CSRF token its admin
 * forms (sign-in, forgotten password, reset, invitation) must carry. The server made both the
 * cookie's value and the token, so neither can be chosen by someone else. It lasts two hours.
 */
final class PreSessions {
    static final Duration VALID_FOR = Duration.ofHours(2);

    private final DSLContext dsl;
    private final Clock clock;

    PreSessions(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    record Opened(String id, String csrf) {
    }

    Opened open() {
        Opened opened = new Opened(Tokens.newToken(), Tokens.newToken());
        dsl.insertInto(ADMIN_PRESESSIONS)
                .set(ADMIN_PRESESSIONS.ID_HASH, Digests.sha256(opened.id()))
                .set(ADMIN_PRESESSIONS.CSRF_TOKEN, opened.csrf())
                .set(ADMIN_PRESESSIONS.CREATED_AT, now())
                .execute();
        return opened;
    }

    /** The CSRF token of a live pre-session. */
    Optional<String> csrf(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return dsl.select(ADMIN_PRESESSIONS.CSRF_TOKEN).from(ADMIN_PRESESSIONS)
                .where(ADMIN_PRESESSIONS.ID_HASH.eq(Digests.sha256(id)))
                .and(ADMIN_PRESESSIONS.CREATED_AT.gt(now().minus(VALID_FOR)))
                .fetchOptional(ADMIN_PRESESSIONS.CSRF_TOKEN);
    }

    /** Ends one (its browser has signed in). */
    void close(String id) {
        if (id != null && id.matches("[A-Za-z0-9_-]{43}")) {
            dsl.deleteFrom(ADMIN_PRESESSIONS).where(ADMIN_PRESESSIONS.ID_HASH.eq(Digests.sha256(id))).execute();
        }
    }

    /** Deletes those past their two hours; returns how many. */
    int purge() {
        return dsl.deleteFrom(ADMIN_PRESESSIONS).where(ADMIN_PRESESSIONS.CREATED_AT.le(now().minus(VALID_FOR))).execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
