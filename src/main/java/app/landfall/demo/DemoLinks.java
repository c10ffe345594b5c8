package app.landfall.demo;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;

import app.landfall.auth.Passwords;
import java.util.Optional;
import org.jooq.DSLContext;

/** The addresses a newcomer needs to look around the demo store. */
public record DemoLinks(
        String storeName,
        String trackingPage,
        String trackingLookup,
        String returns,
        String returnPage,
        String admin,
        String adminEmail) {

    public static Optional<DemoLinks> find(DSLContext dsl, String baseUrl) {
        var merchant = dsl.selectFrom(MERCHANTS).where(MERCHANTS.IS_DEMO).fetchOptional();
        if (merchant.isEmpty()) {
            return Optional.empty();
        }
        long merchantId = merchant.get().getId();
        // the showcase parcel: one on its way, with a history worth reading
        String token = dsl.select(SHIPMENTS.PUBLIC_TOKEN)
                .from(SHIPMENTS)
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId))
                .and(SHIPMENTS.DIRECTION.eq("outbound"))
                .orderBy(SHIPMENTS.STATUS.eq("InTransit").desc(), SHIPMENTS.ID)
                .limit(1)
                .fetchOne(SHIPMENTS.PUBLIC_TOKEN);
        String email = dsl.select(MERCHANT_USERS.EMAIL)
                .from(MERCHANT_USERS)
                .where(MERCHANT_USERS.MERCHANT_ID.eq(merchantId))
                .and(MERCHANT_USERS.ROLE.eq("owner"))
                .orderBy(MERCHANT_USERS.ID)
                .limit(1)
                .fetchOne(MERCHANT_USERS.EMAIL);
        // the showcase return: approved, with a drop-off QR code to show
        String returnToken = dsl.select(RETURNS.PUBLIC_TOKEN).from(RETURNS)
                .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.STATUS.eq("approved"))
                .orderBy(RETURNS.DROPOFF_CODE.isNotNull().desc(), RETURNS.ID).limit(1)
                .fetchOne(RETURNS.PUBLIC_TOKEN);
        String slug = merchant.get().getSlug();
        return Optional.of(new DemoLinks(
                merchant.get().getName(),
                token == null ? null : baseUrl + "/t/" + token,
                baseUrl + "/" + slug + "/track",
                baseUrl + "/" + slug + "/returns",
                returnToken == null ? null : baseUrl + "/r/" + returnToken,
                baseUrl + "/admin",
                email));
    }

    /**
     * The published demo password, while the demo owner still has it (checked against the stored
     * hash, so a changed password is never printed); else empty.
     */
    public static Optional<String> publishedPassword(DSLContext dsl) {
        return dsl.select(MERCHANT_USERS.PASSWORD_HASH).from(MERCHANT_USERS).join(MERCHANTS).on(MERCHANTS.ID.eq(MERCHANT_USERS.MERCHANT_ID))
                .where(MERCHANTS.IS_DEMO).and(MERCHANT_USERS.EMAIL.eq(DemoStore.OWNER_EMAIL))
                .fetchOptional(MERCHANT_USERS.PASSWORD_HASH)
                .filter(hash -> hash != null && Passwords.matches(DemoData.OWNER_PASSWORD, hash))
                .map(hash -> DemoData.OWNER_PASSWORD);
    }
}
