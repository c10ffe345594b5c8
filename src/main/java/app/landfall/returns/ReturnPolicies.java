package app.landfall.returns;

import static app.landfall.db.schema.Tables.RETURN_POLICIES;

import app.landfall.db.schema.tables.records.ReturnPoliciesRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The one writer of {@code return_policies}: a store's return policy as it is created (with the
 * store) and as its merchant changes it in the returns settings. All in the caller's transaction.
 */
public final class ReturnPolicies {
    private ReturnPolicies() {
    }

    /** A new policy as given (its merchant, name and whatever else the record sets); returns its id. */
    public static long create(DSLContext tx, ReturnPoliciesRecord policy) {
        return tx.insertInto(RETURN_POLICIES).set(policy).returning(RETURN_POLICIES.ID).fetchSingle(RETURN_POLICIES.ID);
    }

    /** The merchant's default policy, locked until the transaction ends; made with the defaults when there is none yet. */
    static long defaultFor(DSLContext tx, long merchantId) {
        return tx.select(RETURN_POLICIES.ID).from(RETURN_POLICIES).where(RETURN_POLICIES.MERCHANT_ID.eq(merchantId))
                .and(RETURN_POLICIES.IS_DEFAULT).forUpdate().fetchOptional(RETURN_POLICIES.ID)
                .orElseGet(() -> create(tx, new ReturnPoliciesRecord().with(RETURN_POLICIES.MERCHANT_ID, merchantId)
                        .with(RETURN_POLICIES.NAME, "Standard").with(RETURN_POLICIES.IS_DEFAULT, true)));
    }

    /** Everything the policy form sets. */
    static void save(DSLContext tx, long merchantId, long policyId, PolicyForm form) {
        var p = RETURN_POLICIES;
        tx.update(p).set(p.WINDOW_DAYS, form.windowDays()).set(p.WINDOW_STARTS_AT, form.windowStartsAt())
                .set(p.ALLOW_REFUND, form.allowRefund()).set(p.ALLOW_STORE_CREDIT, form.allowStoreCredit())
                .set(p.ALLOW_EXCHANGE, form.allowExchange()).set(p.STORE_CREDIT_BONUS_PERCENT, form.bonusPercent())
                .set(p.RESTOCKING_FEE_PERCENT, form.restockingPercent()).set(p.RETURN_SHIPPING_FEE, form.shippingFee())
                .set(p.FEES_WAIVED_FOR_EXCHANGE, form.feesWaivedForExchange())
                .set(p.FEES_WAIVED_FOR_STORE_CREDIT, form.feesWaivedForStoreCredit())
                .set(p.MAX_RETURNS_PER_ORDER, form.maxReturnsPerOrder()).set(p.KEEP_ITEM_BELOW, form.keepItemBelow())
                .set(p.REVIEW_ABOVE_AMOUNT, form.reviewAboveAmount()).set(p.REVIEW_RETURNS_IN_90_DAYS_ABOVE, form.reviewReturnsAbove())
                .set(p.FINAL_SALE_RETURNABLE, form.finalSaleReturnable())
                .set(p.EXCLUDED_PRODUCT_TAGS, form.excludedTags().toArray(String[]::new))
                .set(p.SHIP_WITHIN_DAYS, form.shipWithinDays())
                .set(p.RETURN_TO_NAME, form.returnToName()).set(p.RETURN_TO_LINE1, form.returnToLine1())
                .set(p.RETURN_TO_LINE2, form.returnToLine2()).set(p.RETURN_TO_CITY, form.returnToCity())
                .set(p.RETURN_TO_REGION, form.returnToRegion()).set(p.RETURN_TO_POSTAL_CODE, form.returnToPostalCode())
                .set(p.RETURN_TO_COUNTRY, form.returnToCountry())
                .where(p.MERCHANT_ID.eq(merchantId)).and(p.ID.eq(policyId)).execute();
    }

    /** How parcels may come back: QR drop-off, printable label, in store. */
    static void setMethods(DSLContext tx, long merchantId, long policyId, List<String> methods) {
        tx.update(RETURN_POLICIES).set(RETURN_POLICIES.METHODS, methods.toArray(String[]::new))
                .where(RETURN_POLICIES.MERCHANT_ID.eq(merchantId)).and(RETURN_POLICIES.ID.eq(policyId)).execute();
    }
}
