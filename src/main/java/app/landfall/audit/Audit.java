package app.landfall.audit;

import java.time.Clock;
import org.jooq.DSLContext;

/** Who did what, when and from where: the one writer of {@code audit_log}, and the owners' page that reads it. */
public final class Audit {
    private final AuditTrail trail;
    private final AuditLogPage log;

    public Audit(DSLContext dsl, Clock clock) {
        this.trail = new AuditTrail(clock);
        this.log = new AuditLogPage(dsl);
    }

    /** Every feature records its admin actions here, in the action's own transaction. */
    public AuditTrail trail() {
        return trail;
    }

    public AuditLogPage log() {
        return log;
    }
}
