package app.landfall.api;

import app.landfall.audit.AuditTrail;
import app.landfall.hooks.Hooks;
import app.landfall.ops.BackgroundJobs;
import app.landfall.orders.OrderWriter;
import app.landfall.outbound.Outbound;
import app.landfall.postage.Postage;
import app.landfall.returns.ParcelPapers;
import app.landfall.tracking.Tracking;
import app.landfall.web.ClientAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntFunction;
import org.jooq.DSLContext;

/**
 * How a merchant's systems connect: the REST API (keys, idempotency, orders, shipments, events),
 * and the owners' Integrations page that manages keys, provider webhook secrets, outbound
 * endpoints and CSV imports. The one writer of {@code api_keys} and {@code api_idempotency_keys}.
 */
public final class Api {
    private final ApiKeys keys;
    private final ApiAuthentication authentication;
    private final Idempotency idempotency;
    private final OrdersApi orders;
    private final ShipmentsApi shipments;
    private final ShipmentPapersApi shipmentPapers;
    private final Integrations integrations;

    public Api(DSLContext dsl, Clock clock, IntFunction<String> baseUrl, OrderWriter orderWriter, Tracking tracking, Hooks hooks,
            Outbound outbound, AuditTrail audit, ClientAddress clientAddress, ParcelPapers parcelPapers, Postage postage,
            java.util.function.LongFunction<java.util.List<String>> returnAddress) {
        // one instance shared by the API and the Integrations page, so a revoked key stops working here at once
        this.keys = new ApiKeys(dsl);
        this.authentication = new ApiAuthentication(keys);
        this.idempotency = new Idempotency(dsl, clock);
        this.orders = new OrdersApi(dsl, orderWriter);
        this.shipments = new ShipmentsApi(dsl, baseUrl, tracking.ingestion(), tracking.shipments());
        this.shipmentPapers = new ShipmentPapersApi(parcelPapers, baseUrl);
        this.integrations = new Integrations(keys, hooks.secrets(), clientAddress, baseUrl, outbound.endpoints(),
                new CsvImport(dsl, orderWriter, tracking.shipments(), audit, clientAddress),
                new EasyPostConnection(postage.accounts(), returnAddress, audit, clientAddress));
    }

    public ApiAuthentication authentication() {
        return authentication;
    }

    public Idempotency idempotency() {
        return idempotency;
    }

    public OrdersApi orders() {
        return orders;
    }

    public ShipmentsApi shipments() {
        return shipments;
    }

    /** A shipment's return QR code and packing slip. */
    public ShipmentPapersApi shipmentPapers() {
        return shipmentPapers;
    }

    public Integrations integrations() {
        return integrations;
    }

    public void schedule(BackgroundJobs jobs) {
        jobs.schedule("idempotency keys purged", Duration.ofMinutes(5), Duration.ofHours(1), idempotency::purge);
    }
}
