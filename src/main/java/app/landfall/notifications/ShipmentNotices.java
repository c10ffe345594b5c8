package app.landfall.notifications;

import app.landfall.tracking.EventIngestion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Announces outbound parcels' new statuses to their customers, in the transaction that stores them:
 * the tracking feature tells it which parcels changed, this decides which moment each change is
 * ({@link ShipmentTrigger}) and the outbox writes the messages and skips the stale ones.
 */
public final class ShipmentNotices implements EventIngestion.StatusListener {
    private final Outbox outbox;

    public ShipmentNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void changed(DSLContext tx, long merchantId, List<EventIngestion.StatusChange> changes, Instant now) {
        List<Outbox.ShipmentAnnouncement> announcements = new ArrayList<>(changes.size());
        for (EventIngestion.StatusChange change : changes) {
            ShipmentTrigger trigger = ShipmentTrigger.forChange(change.fromStatus(), change.toStatus(), change.firstScan())
                    .filter(t -> ShipmentTrigger.isNews(change.since(), now))
                    .orElse(null);
            announcements.add(new Outbox.ShipmentAnnouncement(change.shipmentId(), change.toStatus(), trigger, change.since()));
        }
        outbox.announceShipments(tx, merchantId, announcements, now);
    }
}
