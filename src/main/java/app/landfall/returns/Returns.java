package app.landfall.returns;

import app.landfall.notifications.Notifications;
import app.landfall.notifications.Outbox;
import app.landfall.admin.OverviewSection;
import app.landfall.audit.AuditTrail;
import app.landfall.auth.SignedLinks;
import app.landfall.branding.Branding;
import app.landfall.config.Tuning;
import app.landfall.lookup.ShopperLookup;
import app.landfall.merchants.Merchants;
import app.landfall.ops.BackgroundJobs;
import app.landfall.postage.Postage;
import app.landfall.tracking.EventIngestion;
import app.landfall.tracking.ReturnDeadline;
import app.landfall.tracking.Tracking;
import app.landfall.web.ClientAddress;
import app.landfall.web.Templates;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;

/**
 * Returns and exchanges: the shopper's flow and return page, the merchant's queue, detail and
 * returns settings (policy, reasons, methods, shops). The one writer of {@code returns},
 * {@code return_items}, {@code return_policies}, {@code return_reasons} and the other return tables.
 */
public final class Returns {
    private final ReturnStart start;
    private final ReturnFlow flow;
    private final ReturnPages pages;
    private final ReturnsQueue queue;
    private final ReturnDetail detail;
    private final ReturnProcessing processing;
    private final ReturnSettings settings;
    private final ReturnsOverview overview;
    private final ReturnExpiry expiry;
    private final ReturnPhotoUploads photoUploads;
    private final ParcelPapers parcelPapers;
    private final ParcelPapersDesk parcelPapersDesk;

    public Returns(DSLContext dsl, Clock clock, Tuning tuning, UnaryOperator<String> imageSrc, Merchants merchants, Branding branding,
            Templates templates, Tracking tracking, ShopperLookup lookup, SignedLinks links, AuditTrail audit,
            ClientAddress clientAddress, Outbox outbox, Notifications notifications, IntFunction<String> baseUrl, Postage postage) {
        ReturnActions actions = new ReturnActions(dsl, clock, outbox);
        ReturnLabels labels = new ReturnLabels(dsl, clock, postage);
        this.photoUploads = new ReturnPhotoUploads(dsl, clock);
        this.start = new ReturnStart(merchants, tracking.queries(), branding.pages(), links, lookup);
        this.flow = new ReturnFlow(merchants, links, dsl, new ReturnSubmissions(dsl, clock, new RmaNumbers(), tuning.returnSubmits(), labels::buy), photoUploads,
                branding.brands(), templates, clock, imageSrc);
        this.pages = new ReturnPages(new ReturnRecords(dsl), actions, labels, branding.brands(), templates);
        this.queue = new ReturnsQueue(dsl);
        this.detail = new ReturnDetail(dsl, notifications, labels);
        this.processing = new ReturnProcessing(actions, audit, clientAddress, labels);
        this.settings = new ReturnSettings(dsl, audit, clientAddress);
        this.overview = new ReturnsOverview(dsl);
        this.expiry = new ReturnExpiry(dsl, clock, outbox);
        this.parcelPapers = new ParcelPapers(dsl);
        this.parcelPapersDesk = new ParcelPapersDesk(parcelPapers, baseUrl, clock);
    }

    /** The address return parcels go to (the default policy's), line by line; empty when none is set. */
    public java.util.List<String> returnAddress(long merchantId) {
        return pages.returnAddress(merchantId);
    }

    /** What tracking tells returns: a return parcel's scans move its return along. */
    public static EventIngestion.ReturnParcelListener parcelListener(Outbox outbox) {
        return new ReturnParcels(outbox);
    }

    /**
     * What tracking asks returns: until when a parcel's order can be returned, and only while
     * something in it still can be (the same rules as the returns flow: delivered, in the window,
     * not final sale, not all of it in returns already). The policy's window is checked first, so
     * an order that no return can start for costs no query.
     */
    public static ReturnDeadline deadline(DSLContext dsl, Clock clock) {
        return parcel -> {
            Optional<LocalDate> window = ReturnWindow.lastDay(parcel.windowStartsAt(), parcel.windowDays(), parcel.placedAt(),
                    parcel.shippedAt(), parcel.deliveredAt(), parcel.delivered(), parcel.anyItemReturnable(), parcel.storeZone());
            if (window.isEmpty() || parcel.orderId() == null) {
                return window;
            }
            return ReturnFacts.load(dsl, parcel.merchantId(), parcel.orderId(), false, OffsetDateTime.now(clock))
                    .flatMap(facts -> ReturnRules.eligibility(facts.policy(), facts.order(), LocalDate.now(clock.withZone(facts.zone())))
                            .stream().filter(e -> e.returnableQuantity() > 0 && e.lastDay() != null)
                            .map(ReturnRules.Eligibility::lastDay).max(java.util.Comparator.naturalOrder()));
        };
    }

    public ReturnStart start() {
        return start;
    }

    public ReturnFlow flow() {
        return flow;
    }

    public ReturnPages pages() {
        return pages;
    }

    public ReturnsQueue queue() {
        return queue;
    }

    public ReturnDetail detail() {
        return detail;
    }

    public ReturnProcessing processing() {
        return processing;
    }

    public ReturnSettings settings() {
        return settings;
    }

    /** What goes in an outbound parcel: its return QR code and packing slip (the API serves them too). */
    public ParcelPapers parcelPapers() {
        return parcelPapers;
    }

    public ParcelPapersDesk parcelPapersDesk() {
        return parcelPapersDesk;
    }

    public OverviewSection overview() {
        return overview;
    }

    /** Expires approved returns never sent, and reminds their shoppers before (the background jobs do the same). */
    public ReturnExpiry expiry() {
        return expiry;
    }

    public void schedule(BackgroundJobs jobs) {
        jobs.schedule("approved returns never sent back expired", Duration.ofMinutes(3), Duration.ofHours(1), expiry::run)
                .schedule("shoppers of returns expiring soon reminded", Duration.ofMinutes(4), Duration.ofHours(1), expiry::remind)
                .schedule("photos of return forms never submitted purged", Duration.ofMinutes(20), Duration.ofHours(1),
                        () -> photoUploads.purge(Duration.ofDays(1)));
    }
}
