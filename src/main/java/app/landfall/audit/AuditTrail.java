package app.landfall.audit;

import static app.landfall.db.schema.Tables.AUDIT_LOG;

import app.landfall.admin.AdminUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** Admin actions as the owners' audit log shows them: who, what, when, from where; written in the action's transaction. */
public final class AuditTrail {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final Clock clock;

    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    /** Records an action by a signed-in user. */
    public void record(DSLContext tx, AdminUser user, String ip, String action, String entityType, Object entityId, Map<String, ?> details) {
        write(tx, user.merchantId(), "user", String.valueOf(user.userId()), ip, action, entityType, entityId, details);
    }

    /** Records an action by someone not signed in (a sign-in, a reset by emailed link). */
    public void record(DSLContext tx, long merchantId, long userId, String ip, String action, Map<String, ?> details) {
        write(tx, merchantId, "user", String.valueOf(userId), ip, action, "user", userId, details);
    }

    private void write(DSLContext tx, long merchantId, String actorType, String actorId, String ip, String action,
            String entityType, Object entityId, Map<String, ?> details) {
        recordBy(tx, OffsetDateTime.now(clock), merchantId, actorType, actorId, ip, action, entityType, entityId, details);
    }

    /**
     * Records an action by something other than a signed-in person ({@code actorType}: an
     * {@code api_key}, the {@code system} for the command line and the demo), in its transaction.
     */
    public static void recordBy(DSLContext tx, OffsetDateTime at, long merchantId, String actorType, String actorId, String ip,
            String action, String entityType, Object entityId, Map<String, ?> details) {
        try {
            tx.insertInto(AUDIT_LOG)
                    .set(AUDIT_LOG.MERCHANT_ID, merchantId)
                    .set(AUDIT_LOG.OCCURRED_AT, at.withOffsetSameInstant(ZoneOffset.UTC))
                    .set(AUDIT_LOG.ACTOR_TYPE, actorType)
                    .set(AUDIT_LOG.ACTOR_ID, actorId)
                    .set(AUDIT_LOG.ACTION, action)
                    .set(AUDIT_LOG.ENTITY_TYPE, entityType)
                    .set(AUDIT_LOG.ENTITY_ID, entityId == null ? null : String.valueOf(entityId))
                    .set(AUDIT_LOG.DETAILS, JSONB.valueOf(JSON.writeValueAsString(details)))
                    .set(AUDIT_LOG.IP, ip)
                    .execute();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
    }
}
