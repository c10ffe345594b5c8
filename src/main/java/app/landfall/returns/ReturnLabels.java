package app.landfall.returns;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_LABELS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;

import app.landfall.hooks.Hooks;
import app.landfall.postage.CarrierAccounts;
import app.landfall.postage.EasyPostApi;
import app.landfall.postage.Postage;
import app.landfall.postage.RateChoice;
import app.landfall.tracking.ShipmentWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Prepaid return labels bought through the store's EasyPost account when a label return is approved.
 * The approval commits first (a carrier outage never undoes the merchant's decision); the purchase
 * runs outside any transaction, and a failure leaves the label "failed" with EasyPost's reason for
 * the admin's "Buy label again". Against buying twice: one caller at a time claims the row, and the
 * EasyPost shipment id is recorded before buying, so a retry looks at that shipment (bought already?
 * then its label is taken) instead of making a new one. The one writer of {@code return_labels}.
 */
public final class ReturnLabels {
    /** A claim older than this belongs to a process that died mid-purchase; the calls themselves take at most ~45 s. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(2);
    private final DSLContext dsl;
    private final Clock clock;
    private final Postage postage;

    ReturnLabels(DSLContext dsl, Clock clock, Postage postage) {
        this.dsl = dsl;
        this.clock = clock;
        this.postage = postage;
    }

    public record Label(String state, String carrier, String service, String trackingCode, BigDecimal amount, String currency,
            String contentType, String error, int attempts) {
        public boolean bought() {
            return state.equals("bought");
        }

        public boolean failed() {
            return state.equals("failed");
        }

        /** The file's extension on the shopper's link. */
        public String extension() {
            return "image/png".equals(contentType) ? "png" : "pdf";
        }
    }

    public record File(byte[] bytes, String contentType) {
    }

    /** What a purchase came to: nothing to do (no account, not a label return), bought, or failed with the reason. */
    public record Outcome(boolean attempted, boolean bought, String message) {
        static final Outcome NOTHING = new Outcome(false, false, null);
    }

    public Optional<Label> find(long merchantId, long returnId) {
        return dsl.select(RETURN_LABELS.STATE, RETURN_LABELS.CARRIER, RETURN_LABELS.SERVICE, RETURN_LABELS.TRACKING_CODE,
                        RETURN_LABELS.RATE_AMOUNT, RETURN_LABELS.RATE_CURRENCY, RETURN_LABELS.LABEL_CONTENT_TYPE, RETURN_LABELS.ERROR,
                        RETURN_LABELS.ATTEMPTS)
                .from(RETURN_LABELS).where(RETURN_LABELS.MERCHANT_ID.eq(merchantId)).and(RETURN_LABELS.RETURN_ID.eq(returnId))
                .fetchOptional(r -> new Label(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                        r.value9()));
    }

    public Optional<File> file(long merchantId, long returnId) {
        return dsl.select(RETURN_LABELS.LABEL_BYTES, RETURN_LABELS.LABEL_CONTENT_TYPE).from(RETURN_LABELS)
                .where(RETURN_LABELS.MERCHANT_ID.eq(merchantId)).and(RETURN_LABELS.RETURN_ID.eq(returnId))
                .and(RETURN_LABELS.STATE.eq("bought"))
                .fetchOptional(r -> new File(r.value1(), r.value2()));
    }

    /** Buys the label of an approved label return whose store has a carrier account (or finishes an earlier attempt). */
    public Outcome buy(long merchantId, long returnId) {
        Record facts = facts(merchantId, returnId);
        if (facts == null) {
            return Outcome.NOTHING;
        }
        Optional<CarrierAccounts.Account> account = postage.accounts().forBuying(merchantId);
        boolean started = dsl.fetchExists(RETURN_LABELS, RETURN_LABELS.MERCHANT_ID.eq(merchantId).and(RETURN_LABELS.RETURN_ID.eq(returnId)));
        if (account.isEmpty() && !started) {
            return Outcome.NOTHING; // no carrier account: the shopper gets the return authorisation slip
        }
        Optional<String> claimed = claim(merchantId, returnId);
        if (claimed == null) {
            Label now = find(merchantId, returnId).orElseThrow();
            return new Outcome(false, now.bought(), now.bought() ? "The label is already bought." : "The label is being bought right now.");
        }
        try {
            if (account.isEmpty()) {
                throw new EasyPostApi.Failure("No EasyPost account is connected (or its key cannot be read with this server's "
                        + "LANDFALL_SECRET_KEY). Connect it in Integrations, then buy the label again.");
            }
            EasyPostApi.Shipment bought = purchase(merchantId, returnId, facts, account.get(), claimed.orElse(null));
            EasyPostApi api = postage.api();
            byte[] bytes = api.download(bought.labelUrl());
            String type = contentType(bytes);
            if (type == null) {
                throw new EasyPostApi.Failure("EasyPost's label file is neither a PDF nor a PNG.");
            }
            store(merchantId, returnId, facts.get(RETURNS.RETURN_SHIPMENT_ID), bought, bytes, type);
            return new Outcome(true, true, "The prepaid " + bought.selected().carrier() + " label is bought: tracking number "
                    + bought.trackingCode() + ".");
        } catch (EasyPostApi.Failure e) {
            fail(merchantId, returnId, e.getMessage());
            return new Outcome(true, false, "The return label could not be bought: " + e.getMessage());
        } catch (RuntimeException e) {
            fail(merchantId, returnId, "Something went wrong while buying the label. Try again.");
            throw e;
        }
    }

    /** The shipment bought: an earlier attempt's when it got that far, else made (its id recorded) and bought now. */
    private EasyPostApi.Shipment purchase(long merchantId, long returnId, Record facts, CarrierAccounts.Account account, String shipmentId)
            throws EasyPostApi.Failure {
        EasyPostApi api = postage.api();
        EasyPostApi.Shipment shipment = null;
        if (shipmentId != null) {
            EasyPostApi.Shipment earlier = api.retrieve(account.apiKey(), shipmentId);
            if (earlier.bought()) {
                return earlier; // an earlier attempt bought it and lost the answer
            }
            if (RateChoice.cheapest(earlier.rates(), account.carriers()).isPresent()) {
                shipment = earlier; // bought on this same shipment, which EasyPost never sells twice
            }
            // else no rate was ever chosen on it, so nothing was bought: a fresh shipment gets today's rates
        }
        if (shipment == null) {
            EasyPostApi.Address store = new EasyPostApi.Address(
                    Optional.ofNullable(facts.get(RETURN_POLICIES.RETURN_TO_NAME)).orElse(facts.get(MERCHANTS.NAME) + " Returns"),
                    facts.get(RETURN_POLICIES.RETURN_TO_LINE1), facts.get(RETURN_POLICIES.RETURN_TO_LINE2),
                    facts.get(RETURN_POLICIES.RETURN_TO_CITY), facts.get(RETURN_POLICIES.RETURN_TO_REGION),
                    facts.get(RETURN_POLICIES.RETURN_TO_POSTAL_CODE), facts.get(RETURN_POLICIES.RETURN_TO_COUNTRY));
            if (store.street1() == null || store.city() == null || store.zip() == null || store.country() == null) {
                throw new EasyPostApi.Failure("The store has no complete return address. Add it in Settings › Returns (Return address), "
                        + "then buy the label again.");
            }
            EasyPostApi.Address shopper = new EasyPostApi.Address(facts.get(ORDERS.CUSTOMER_NAME), facts.get(ORDERS.SHIPPING_ADDRESS_LINE1),
                    facts.get(ORDERS.SHIPPING_ADDRESS_LINE2), facts.get(ORDERS.SHIPPING_CITY), facts.get(ORDERS.SHIPPING_REGION),
                    facts.get(ORDERS.SHIPPING_POSTAL_CODE), facts.get(ORDERS.SHIPPING_COUNTRY));
            if (shopper.street1() == null || shopper.city() == null || shopper.country() == null) {
                throw new EasyPostApi.Failure("The order has no complete shipping address to send the label from.");
            }
            CarrierAccounts.Parcel p = account.parcel();
            shipment = api.createReturn(account.apiKey(), shopper, store,
                    new EasyPostApi.Parcel(p.weightOz(), p.lengthIn(), p.widthIn(), p.heightIn()), facts.get(RETURNS.RMA_NUMBER));
            String id = shipment.id();
            dsl.update(RETURN_LABELS).set(RETURN_LABELS.EASYPOST_SHIPMENT_ID, id).set(RETURN_LABELS.UPDATED_AT, now())
                    .where(RETURN_LABELS.MERCHANT_ID.eq(merchantId)).and(RETURN_LABELS.RETURN_ID.eq(returnId)).execute();
        }
        EasyPostApi.Shipment offered = shipment;
        EasyPostApi.Rate rate = RateChoice.cheapest(offered.rates(), account.carriers()).orElseThrow(() -> new EasyPostApi.Failure(
                offered.rates().isEmpty() ? "EasyPost offered no rates for this parcel (check both addresses and the carriers "
                        + "enabled in your EasyPost account)."
                        : "EasyPost offered rates only from carriers this store does not allow (" + String.join(", ",
                                offered.rates().stream().map(EasyPostApi.Rate::carrier).distinct().toList()) + ")."));
        EasyPostApi.Shipment bought;
        try {
            bought = api.buy(account.apiKey(), shipment.id(), rate.id());
        } catch (EasyPostApi.Failure e) {
            EasyPostApi.Shipment now = api.retrieve(account.apiKey(), shipment.id());
            if (!now.bought()) {
                throw e;
            }
            bought = now; // a purchase made meanwhile (an earlier attempt's, answered late)
        }
        if (!bought.bought()) {
            throw new EasyPostApi.Failure("EasyPost answered the purchase without a label or tracking number.");
        }
        return bought.selected() != null ? bought
                : new EasyPostApi.Shipment(bought.id(), bought.rates(), bought.labelUrl(), bought.labelFileType(), bought.trackingCode(), rate);
    }

    /** The return's addresses and parcel, when it is an approved label return with its parcel open; else null. */
    private Record facts(long merchantId, long returnId) {
        return dsl.select(RETURNS.RMA_NUMBER, RETURNS.RETURN_SHIPMENT_ID, MERCHANTS.NAME, ORDERS.CUSTOMER_NAME, ORDERS.SHIPPING_ADDRESS_LINE1,
                        ORDERS.SHIPPING_ADDRESS_LINE2, ORDERS.SHIPPING_CITY, ORDERS.SHIPPING_REGION, ORDERS.SHIPPING_POSTAL_CODE,
                        ORDERS.SHIPPING_COUNTRY, RETURN_POLICIES.RETURN_TO_NAME, RETURN_POLICIES.RETURN_TO_LINE1,
                        RETURN_POLICIES.RETURN_TO_LINE2, RETURN_POLICIES.RETURN_TO_CITY, RETURN_POLICIES.RETURN_TO_REGION,
                        RETURN_POLICIES.RETURN_TO_POSTAL_CODE, RETURN_POLICIES.RETURN_TO_COUNTRY)
                .from(RETURNS)
                .join(MERCHANTS).on(MERCHANTS.ID.eq(RETURNS.MERCHANT_ID))
                .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                .leftJoin(RETURN_POLICIES).on(RETURN_POLICIES.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(RETURN_POLICIES.IS_DEFAULT)
                .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ID.eq(returnId))
                .and(RETURNS.STATUS.eq(ReturnStatus.APPROVED.code())).and(RETURNS.METHOD.eq("printable_label"))
                .and(RETURNS.RETURN_SHIPMENT_ID.isNotNull())
                .fetchOne();
    }

    /**
     * Makes the label row (pending) if need be and claims it for this caller: the EasyPost shipment id of an
     * earlier attempt (empty if none), or null when it is bought already or another caller is buying it.
     */
    private Optional<String> claim(long merchantId, long returnId) {
        OffsetDateTime now = now();
        dsl.insertInto(RETURN_LABELS).set(RETURN_LABELS.MERCHANT_ID, merchantId).set(RETURN_LABELS.RETURN_ID, returnId)
                .set(RETURN_LABELS.STATE, "pending").set(RETURN_LABELS.CREATED_AT, now).set(RETURN_LABELS.UPDATED_AT, now)
                .onConflictDoNothing().execute();
        var claimed = dsl.update(RETURN_LABELS).set(RETURN_LABELS.STATE, "buying").set(RETURN_LABELS.CLAIMED_AT, now)
                .set(RETURN_LABELS.ATTEMPTS, RETURN_LABELS.ATTEMPTS.plus(1)).set(RETURN_LABELS.UPDATED_AT, now)
                .where(RETURN_LABELS.MERCHANT_ID.eq(merchantId)).and(RETURN_LABELS.RETURN_ID.eq(returnId))
                .and(RETURN_LABELS.STATE.in("pending", "failed")
                        .or(RETURN_LABELS.STATE.eq("buying").and(RETURN_LABELS.CLAIMED_AT.lt(now.minus(STALE_CLAIM)))))
                .returning(RETURN_LABELS.EASYPOST_SHIPMENT_ID)
                .fetchOne();
        return claimed == null ? null : Optional.ofNullable(claimed.getEasypostShipmentId());
    }

    /** The label and the parcel's real number, in one transaction. */
    private void store(long merchantId, long returnId, long parcelId, EasyPostApi.Shipment s, byte[] bytes, String type) {
        EasyPostApi.Rate rate = s.selected();
        String carrier = Optional.ofNullable(Hooks.carrierFromEasyPost(rate.carrier())).orElse("unknown");
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            OffsetDateTime now = now();
            tx.update(RETURN_LABELS).set(RETURN_LABELS.STATE, "bought").set(RETURN_LABELS.EASYPOST_SHIPMENT_ID, s.id())
                    .set(RETURN_LABELS.CARRIER, rate.carrier()).set(RETURN_LABELS.SERVICE, rate.service())
                    .set(RETURN_LABELS.TRACKING_CODE, s.trackingCode()).set(RETURN_LABELS.RATE_AMOUNT, rate.amount())
                    .set(RETURN_LABELS.RATE_CURRENCY, rate.currency().matches("[A-Z]{3}") ? rate.currency() : null)
                    .set(RETURN_LABELS.LABEL_BYTES, bytes).set(RETURN_LABELS.LABEL_CONTENT_TYPE, type)
                    .set(RETURN_LABELS.ERROR, (String) null).set(RETURN_LABELS.UPDATED_AT, now)
                    .where(RETURN_LABELS.MERCHANT_ID.eq(merchantId)).and(RETURN_LABELS.RETURN_ID.eq(returnId)).execute();
            ShipmentWriter.labelReturnParcel(tx, merchantId, parcelId, carrier, s.trackingCode(), rate.service(), now);
        });
    }

    private void fail(long merchantId, long returnId, String error) {
        dsl.update(RETURN_LABELS).set(RETURN_LABELS.STATE, "failed").set(RETURN_LABELS.ERROR, error.length() > 1000 ? error.substring(0, 999) + "…" : error)
                .set(RETURN_LABELS.UPDATED_AT, now())
                .where(RETURN_LABELS.MERCHANT_ID.eq(merchantId)).and(RETURN_LABELS.RETURN_ID.eq(returnId))
                .and(RETURN_LABELS.STATE.ne("bought")).execute();
    }

    /** By the file's first bytes, not by what the answer claimed. */
    static String contentType(byte[] b) {
        if (b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
            return "application/pdf";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        return null;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
