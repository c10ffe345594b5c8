package app.landfall.tracking;

import app.landfall.orders.OrderWriter;
import app.landfall.admin.OverviewSection;
import app.landfall.analytics.Engagement;
import app.landfall.auth.SignedLinks;
import app.landfall.branding.Branding;
import app.landfall.lookup.ShopperLookup;
import app.landfall.merchants.Merchants;
import app.landfall.ops.BackgroundJobs;
import app.landfall.web.Templates;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;

/**
 * Parcels and their journeys: the one writer of {@code shipments}, {@code tracking_events} and
 * {@code shipment_status_changes} (through {@link ShipmentWriter} and {@link EventIngestion}), the
 * customers' tracking pages and lookup, and the merchants' shipments desk.
 */
public final class Tracking implements AutoCloseable {
    /** A parcel with no news for this long is given up on ("Expired"). */
    private static final Duration EXPIRE_AFTER = Duration.ofDays(30);

    private final TrackingQueries queries;
    private final TokenVersions tokenVersions;
    private final EventIngestion ingestion;
    private final ShipmentWriter shipments;
    private final TrackingPages pages;
    private final UpdatesForm updates;
    private final TrackingLookup lookup;
    private final ShipmentsDesk desk;
    private final ShipmentsOverview overview;
    private final ExpirySweep expiry;

    /** The messages sent about a parcel, as its admin page lists them (newest first, times in {@code zone}). */
    @FunctionalInterface
    public interface ParcelMessages {
        List<ParcelMessage> about(long merchantId, long shipmentId, java.time.ZoneId zone);
    }

    /** One message about a parcel: where it is in the Messages screen, when, how, what, and where it stands. */
    public record ParcelMessage(long id, String when, String channel, String title, String status, String tone) {
    }

    /** How events are applied, with its listeners: the server's, and a command line's replay of webhooks. */
    public static EventIngestion ingestion(DSLContext dsl, Clock clock, EventIngestion.ReturnParcelListener returnParcels,
            EventIngestion.StatusListener outboundChanges) {
        return new EventIngestion(dsl, clock, EXPIRE_AFTER, returnParcels, outboundChanges);
    }

    /**
     * {@code lookups}: the pool for the tracking pages' key lookups; {@code returnParcels} and
     * {@code returnDeadline}: what the returns feature (which depends on this one) is told and asked;
     * {@code outboundChanges}: who announces a parcel's new status to its customer, and
     * {@code parcelMessages}: what was sent about a parcel (both the notifications feature, which
     * depends on this one); {@code signups}: who keeps the tracking page's "Get updates" sign-ups (the
     * notifications feature too).
     */
    public Tracking(DSLContext dsl, DSLContext lookups, Clock clock, long pageCacheBytes, UnaryOperator<String> imageSrc,
            Merchants merchants, Branding branding, Templates templates, Engagement engagement, SignedLinks links,
            ShopperLookup shopperLookup, EventIngestion.ReturnParcelListener returnParcels, ReturnDeadline returnDeadline,
            EventIngestion.StatusListener outboundChanges, ParcelMessages parcelMessages, UpdateSignups signups,
            app.landfall.web.ClientAddress clientAddress) {
        this.queries = new TrackingQueries(lookups, imageSrc);
        this.tokenVersions = new TokenVersions(queries, 2);
        this.ingestion = ingestion(dsl, clock, returnParcels, outboundChanges);
        this.shipments = new ShipmentWriter(ingestion, clock);
        this.pages = new TrackingPages(queries, tokenVersions, branding.brands(), merchants, templates, engagement, clock,
                branding.pages(), returnDeadline, pageCacheBytes,
                (merchantId, orderId, language) -> new OrderWriter(clock).rememberPageLanguage(dsl, merchantId, orderId, language));
        this.updates = new UpdatesForm(pages, branding.pages(), merchants, signups, clientAddress, clock);
        this.lookup = new TrackingLookup(merchants, queries, pages, branding.pages(), links, shopperLookup, clock);
        this.desk = new ShipmentsDesk(dsl, clock, parcelMessages);
        this.overview = new ShipmentsOverview(dsl, clock);
        this.expiry = new ExpirySweep(dsl, ingestion, clock, EXPIRE_AFTER);
    }

    public TrackingPages pages() {
        return pages;
    }

    /** "Get updates by email or text" from a tracking page. */
    public UpdatesForm updates() {
        return updates;
    }

    public TrackingLookup lookup() {
        return lookup;
    }

    public ShipmentsDesk desk() {
        return desk;
    }

    public OverviewSection overview() {
        return overview;
    }

    /** Carrier events in: the API, the webhooks and the returns feature's own parcels go through here. */
    public EventIngestion ingestion() {
        return ingestion;
    }

    /** Shipments created or changed from outside (API, webhooks, CSV import). */
    public ShipmentWriter shipments() {
        return shipments;
    }

    /** Parcels by their public links, for other features' pages. */
    public TrackingQueries queries() {
        return queries;
    }

    public void schedule(BackgroundJobs jobs) {
        jobs.schedule("shipments expired", Duration.ofMinutes(1), Duration.ofHours(1), expiry::run);
    }

    @Override
    public void close() {
        tokenVersions.close();
    }
}
