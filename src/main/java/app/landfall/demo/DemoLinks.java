package app.landfall.demo;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;

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
        String adminEmail,
        String adminPassword) {

    public static Optional<DemoLinks> find(DSLContext dsl, String baseUrl) {
        var merchant = dsl.selectFrom(MERCHANTS).where(MERCHANTS.SLUG.eq(DemoData.SLUG)).fetchOptional();
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
        String slug = DemoData.SLUG;
        return Optional.of(new DemoLinks(
                merchant.get().getName(),
                token == null ? null : baseUrl + "/t/" + token,
                baseUrl + "/" + slug + "/track",
                baseUrl + "/" + slug + "/returns",
                returnToken == null ? null : baseUrl + "/r/" + returnToken,
                baseUrl + "/admin",
                email,
                DemoData.OWNER_PASSWORD));
    }
}
