package app.landfall.demo;

import static app.landfall.db.schema.Tables.MERCHANTS;

import app.landfall.audit.AuditTrail;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.demo.DemoReturns.DemoReturn;
import app.landfall.demo.DemoShipmentRows.Shipped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo store on first start against an empty database: a small outdoor shop with five
 * weeks of orders, parcels in every tracking status, and returns at each step from request to
 * refund. The same every time (a fixed random seed), with times relative to the clock.
 */
public final class DemoData {
    public static final String SLUG = "demo";
    public static final String OWNER_PASSWORD = "landfall-demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private DemoData() {
    }

    /** Seeds the demo store unless it exists; true when this call seeded it. */
    public static boolean seedIfEmpty(DSLContext dsl, Clock clock) {
        // only into an empty database: a store deleted on a real installation never comes back
        if (dsl.fetchExists(MERCHANTS)) {
            return false;
        }
        long started = System.nanoTime();
        // hashing is the slow part, so both at once and before the transaction opens
        CompletableFuture<String> staffHash = CompletableFuture.supplyAsync(() -> Passwords.hash(Tokens.newToken()));
        String ownerHash = Passwords.hash(OWNER_PASSWORD);
        Instant now = clock.instant();
        boolean seeded = dsl.transactionResult(cfg -> seed(DSL.using(cfg), now, ownerHash, staffHash.join()));
        if (seeded) {
            LOG.info("seeded the demo store '{}' in {} ms", SLUG, (System.nanoTime() - started) / 1_000_000);
        }
        return seeded;
    }

    private static boolean seed(DSLContext dsl, Instant now, String ownerHash, String staffHash) {
        var created = DemoStore.create(dsl, now, ownerHash, staffHash);
        if (created.isEmpty()) {
            return false;
        }
        DemoStore store = created.get();
        Random random = new Random(42);
        DemoTrackingNumbers numbers = new DemoTrackingNumbers(random);
        DemoJourneys journeys = new DemoJourneys(random);
        List<DemoOrder> orders = new DemoOrders(random, now, journeys, numbers).build(DemoPlan.ORDERS);
        List<DemoReturn> returns = new DemoReturns(random, now, journeys, numbers).build(orders);

        List<Shipped> shipped = new ArrayList<>();
        orders.forEach(order -> order.parcels().forEach(parcel -> shipped.add(new Shipped(order, parcel))));
        returns.stream().filter(r -> r.parcel() != null).forEach(r -> shipped.add(new Shipped(r.order(), r.parcel())));

        DemoRows.Ids ids = DemoRows.insertOrders(dsl, store.merchantId(), store.brandId(), orders);
        Map<String, Long> shipmentIds = DemoShipmentRows.insert(dsl, store.merchantId(), ids, shipped);
        DemoReturns.insert(dsl, store.merchantId(), store.policyId(), store.reasonIds(), ids, shipmentIds, returns);
        AuditTrail.recordBy(dsl, DemoRows.at(now), store.merchantId(), "system", null, null, "demo.seeded", "merchant",
                store.merchantId(), Map.of("orders", orders.size(), "shipments", shipped.size(), "returns", returns.size()));
        return true;
    }
}
