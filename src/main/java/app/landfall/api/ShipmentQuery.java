package app.landfall.api;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;

import app.landfall.carriers.TrackingNumbers;
import app.landfall.tracking.ShipmentStatus;
import app.landfall.web.AcceptedDates;
import app.landfall.web.JsonFields;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * GET /api/v1/shipments?status=&tracking_number=&updated_since=&limit=&cursor=. Pages run in order of
 * (updated_at, id), so a client can sync with {@code updated_since} and follow {@code next} until it
 * is null; the cursor is the position after the last shipment returned, so rows inserted or updated
 * meanwhile are neither skipped nor repeated within one pass.
 */
record ShipmentQuery(List<String> statuses, String trackingNumber, OffsetDateTime updatedSince, int limit,
                     Position after) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Set<String> PARAMETERS = Set.of("status", "tracking_number", "updated_since", "limit", "cursor");

    record Position(OffsetDateTime updatedAt, long id) {
        String encode() {
            String plain = updatedAt.toInstant() + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Optional<Position> decode(String cursor) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = plain.indexOf('|');
                return Optional.of(new Position(Instant.parse(plain.substring(0, bar)).atOffset(ZoneOffset.UTC),
                        Long.parseLong(plain.substring(bar + 1)))).filter(p -> AcceptedDates.contains(p.updatedAt()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /** A shipment in a list: everything but its events. */
    record Summary(long id, String orderNumber, String direction, String carrier, String service,
                   String trackingNumber, String status, String substatus, LocalDate carrierEstimatedDelivery,
                   OffsetDateTime shippedAt, OffsetDateTime deliveredAt, OffsetDateTime lastEventAt,
                   OffsetDateTime updatedAt, String trackingPageUrl) {
    }

    record Page(List<Summary> data, boolean hasMore, String nextCursor, String next) {
    }

    static Optional<ShipmentQuery> parse(Context ctx, JsonFields fields) {
        Map<String, List<String>> params = ctx.queryParamMap();
        params.forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                fields.error(name, "is not a filter here; use status, tracking_number, updated_since, limit or cursor");
            } else if (values.size() > 1) {
                fields.error(name, "give it once (status takes a comma-separated list)");
            }
        });
        List<String> statuses = new ArrayList<>();
        String status = ctx.queryParam("status");
        if (status != null) {
            for (String code : status.split(",", -1)) {
                if (ShipmentStatus.fromCode(code.trim()).isEmpty()) {
                    fields.error("status", "must be canonical statuses, comma-separated (e.g. Exception,AttemptFail)");
                    break;
                }
                statuses.add(code.trim());
            }
        }
        String trackingNumber = ctx.queryParam("tracking_number");
        if (trackingNumber != null) {
            trackingNumber = TrackingNumbers.normalize(trackingNumber);
            if (!trackingNumber.matches("[A-Z0-9]{4,64}")) {
                fields.error("tracking_number", "must be 4 to 64 letters and digits");
            }
        }
        OffsetDateTime updatedSince = null;
        String since = ctx.queryParam("updated_since");
        if (since != null) {
            try {
                updatedSince = AcceptedDates.clamp(OffsetDateTime.parse(since));
            } catch (DateTimeParseException e) {
                fields.error("updated_since", "must be an ISO-8601 time with offset, e.g. 2026-11-23T00:00:00Z");
            }
        }
        int limit = DEFAULT_LIMIT;
        String rawLimit = ctx.queryParam("limit");
        if (rawLimit != null) {
            if (rawLimit.matches("[0-9]{1,4}") && Integer.parseInt(rawLimit) >= 1 && Integer.parseInt(rawLimit) <= MAX_LIMIT) {
                limit = Integer.parseInt(rawLimit);
            } else {
                fields.error("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        Position after = null;
        String cursor = ctx.queryParam("cursor");
        if (cursor != null) {
            after = Position.decode(cursor).orElse(null);
            if (after == null) {
                fields.error("cursor", "is not a cursor this API returned; start again without it");
            }
        }
        return fields.ok() ? Optional.of(new ShipmentQuery(statuses, trackingNumber, updatedSince, limit, after))
                : Optional.empty();
    }

    Page page(DSLContext dsl, long merchantId, String trackingPageBase, String path) {
        Condition where = SHIPMENTS.MERCHANT_ID.eq(merchantId);
        if (!statuses.isEmpty()) {
            where = where.and(SHIPMENTS.STATUS.in(statuses));
        }
        if (trackingNumber != null) {
            where = where.and(SHIPMENTS.TRACKING_NUMBER.eq(trackingNumber));
        }
        if (updatedSince != null) {
            where = where.and(SHIPMENTS.UPDATED_AT.ge(updatedSince));
        }
        if (after != null) {
            where = where.and(DSL.row(SHIPMENTS.UPDATED_AT, SHIPMENTS.ID).gt(after.updatedAt(), after.id()));
        }
        List<Summary> rows = dsl.select(SHIPMENTS.ID, ORDERS.ORDER_NUMBER, SHIPMENTS.DIRECTION, SHIPMENTS.CARRIER,
                        SHIPMENTS.SERVICE, SHIPMENTS.TRACKING_NUMBER, SHIPMENTS.STATUS, SHIPMENTS.SUBSTATUS,
                        SHIPMENTS.CARRIER_ESTIMATED_DELIVERY, SHIPMENTS.SHIPPED_AT, SHIPMENTS.DELIVERED_AT,
                        SHIPMENTS.LAST_EVENT_AT, SHIPMENTS.UPDATED_AT, SHIPMENTS.PUBLIC_TOKEN)
                .from(SHIPMENTS)
                .leftJoin(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                .where(where)
                .orderBy(SHIPMENTS.UPDATED_AT, SHIPMENTS.ID)
                .limit(limit + 1)
                .fetch(r -> new Summary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12(),
                        r.value13().withOffsetSameInstant(ZoneOffset.UTC), trackingPageBase + r.value14()));
        boolean more = rows.size() > limit;
        List<Summary> data = more ? rows.subList(0, limit) : rows;
        if (!more) {
            return new Page(data, false, null, null);
        }
        Summary last = data.get(data.size() - 1);
        String nextCursor = new Position(last.updatedAt(), last.id()).encode();
        return new Page(data, true, nextCursor, path + "?" + nextQuery(nextCursor));
    }

    private String nextQuery(String nextCursor) {
        Map<String, String> query = new LinkedHashMap<>();
        if (!statuses.isEmpty()) {
            query.put("status", String.join(",", statuses));
        }
        if (trackingNumber != null) {
            query.put("tracking_number", trackingNumber);
        }
        if (updatedSince != null) {
            query.put("updated_since", updatedSince.toString());
        }
        if (limit != DEFAULT_LIMIT) {
            query.put("limit", Integer.toString(limit));
        }
        query.put("cursor", nextCursor);
        List<String> pairs = new ArrayList<>();
        query.forEach((k, v) -> pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }
}
