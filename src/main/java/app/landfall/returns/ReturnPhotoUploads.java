package app.landfall.returns;

import static app.landfall.db.schema.Tables.RETURN_PHOTOS;
import static app.landfall.db.schema.Tables.RETURN_PHOTO_UPLOADS;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Photos attached on the flow's first page, kept under the form's submission key until the return
 * is submitted. Only what {@link ShopperPhotos} checked and redrew is stored; the shopper sees the
 * names of their files, and the pictures themselves are served to the merchant alone.
 */
public final class ReturnPhotoUploads {
    private final DSLContext dsl;
    private final Clock clock;

    public ReturnPhotoUploads(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** A photo waiting for its return. */
    public record Staged(long id, long orderItemId, String fileName) {
    }

    public List<Staged> list(long merchantId, long orderId, String key) {
        return dsl.select(RETURN_PHOTO_UPLOADS.ID, RETURN_PHOTO_UPLOADS.ORDER_ITEM_ID, RETURN_PHOTO_UPLOADS.FILE_NAME)
                .from(RETURN_PHOTO_UPLOADS)
                .where(RETURN_PHOTO_UPLOADS.MERCHANT_ID.eq(merchantId))
                .and(RETURN_PHOTO_UPLOADS.SUBMISSION_KEY.eq(key))
                .and(RETURN_PHOTO_UPLOADS.ORDER_ID.eq(orderId))
                .orderBy(RETURN_PHOTO_UPLOADS.ID)
                .fetch(r -> new Staged(r.value1(), r.value2(), r.value3()));
    }

    public Staged add(long merchantId, long orderId, String key, long orderItemId, String fileName, ReturnSubmissions.Photo photo) {
        String name = displayName(fileName);
        long id = dsl.insertInto(RETURN_PHOTO_UPLOADS)
                .set(RETURN_PHOTO_UPLOADS.MERCHANT_ID, merchantId)
                .set(RETURN_PHOTO_UPLOADS.ORDER_ID, orderId)
                .set(RETURN_PHOTO_UPLOADS.ORDER_ITEM_ID, orderItemId)
                .set(RETURN_PHOTO_UPLOADS.SUBMISSION_KEY, key)
                .set(RETURN_PHOTO_UPLOADS.FILE_NAME, name)
                .set(RETURN_PHOTO_UPLOADS.CONTENT_TYPE, photo.contentType())
                .set(RETURN_PHOTO_UPLOADS.BODY, photo.body())
                .set(RETURN_PHOTO_UPLOADS.WIDTH, photo.width())
                .set(RETURN_PHOTO_UPLOADS.HEIGHT, photo.height())
                .set(RETURN_PHOTO_UPLOADS.CREATED_AT, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .returning(RETURN_PHOTO_UPLOADS.ID).fetchSingle(RETURN_PHOTO_UPLOADS.ID);
        return new Staged(id, orderItemId, name);
    }

    public void remove(long merchantId, long orderId, String key, long uploadId) {
        dsl.deleteFrom(RETURN_PHOTO_UPLOADS)
                .where(RETURN_PHOTO_UPLOADS.MERCHANT_ID.eq(merchantId))
                .and(RETURN_PHOTO_UPLOADS.ID.eq(uploadId))
                .and(RETURN_PHOTO_UPLOADS.SUBMISSION_KEY.eq(key))
                .and(RETURN_PHOTO_UPLOADS.ORDER_ID.eq(orderId))
                .execute();
    }

    /** Photos of abandoned forms. */
    public int purge(Duration olderThan) {
        return dsl.deleteFrom(RETURN_PHOTO_UPLOADS)
                .where(RETURN_PHOTO_UPLOADS.CREATED_AT.lt(OffsetDateTime.now(clock).minus(olderThan)))
                .execute();
    }

    /** Moves the form's photos to the return's items (order item id → return item id) and forgets them here. */
    static void attach(DSLContext tx, long merchantId, long orderId, String key, Map<Long, Long> returnItemByOrderItem) {
        if (returnItemByOrderItem.isEmpty()) {
            return;
        }
        var returnItem = DSL.case_(RETURN_PHOTO_UPLOADS.ORDER_ITEM_ID);
        org.jooq.CaseWhenStep<Long, Long> cases = null;
        for (Map.Entry<Long, Long> e : returnItemByOrderItem.entrySet()) {
            cases = cases == null ? returnItem.when(e.getKey(), DSL.val(e.getValue())) : cases.when(e.getKey(), DSL.val(e.getValue()));
        }
        var mine = RETURN_PHOTO_UPLOADS.MERCHANT_ID.eq(merchantId)
                .and(RETURN_PHOTO_UPLOADS.SUBMISSION_KEY.eq(key))
                .and(RETURN_PHOTO_UPLOADS.ORDER_ID.eq(orderId));
        tx.insertInto(RETURN_PHOTOS, RETURN_PHOTOS.MERCHANT_ID, RETURN_PHOTOS.RETURN_ITEM_ID, RETURN_PHOTOS.FILE_NAME,
                        RETURN_PHOTOS.CONTENT_TYPE, RETURN_PHOTOS.BODY, RETURN_PHOTOS.WIDTH, RETURN_PHOTOS.HEIGHT, RETURN_PHOTOS.CREATED_AT)
                .select(DSL.select(RETURN_PHOTO_UPLOADS.MERCHANT_ID, cases.otherwise((Long) null), RETURN_PHOTO_UPLOADS.FILE_NAME,
                                RETURN_PHOTO_UPLOADS.CONTENT_TYPE, RETURN_PHOTO_UPLOADS.BODY, RETURN_PHOTO_UPLOADS.WIDTH,
                                RETURN_PHOTO_UPLOADS.HEIGHT, RETURN_PHOTO_UPLOADS.CREATED_AT)
                        .from(RETURN_PHOTO_UPLOADS)
                        .where(mine).and(RETURN_PHOTO_UPLOADS.ORDER_ITEM_ID.in(returnItemByOrderItem.keySet())))
                .execute();
        tx.deleteFrom(RETURN_PHOTO_UPLOADS).where(mine).execute();
    }

    /** The file's own name without any path, trimmed to what the column holds. */
    static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "photo";
        }
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}
