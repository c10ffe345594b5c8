package app.landfall.returns;

import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_PHOTOS;

import java.util.ArrayList;
import org.jooq.impl.SQLDataType;
import org.jooq.Param;
import app.landfall.db.RenderedQuery;
import app.landfall.tracking.ShipmentWriter;
import app.landfall.notifications.Outbox;
import app.landfall.auth.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Turns a shopper's request into a stored return, in one transaction: the order's items are
 * locked, the policy decides, and the return, its items, photos and notifications are written
 * together or not at all. A form carries a random submission key, so a double click, a second tab
 * or a retry finds the return the first submit made instead of making another.
 */
public final class ReturnSubmissions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DROPOFF_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;
    private final Clock clock;
    private final RmaNumbers rmas;

    /** Submits running at once (Tuning.returnSubmits), taking turns fairly. */
    private final java.util.concurrent.Semaphore gate;

    /** Told of each return approved at submission, after it committed (prepaid labels are bought there). */
    private final java.util.function.BiConsumer<Long, Long> approved;

    public ReturnSubmissions(DSLContext dsl, Clock clock, RmaNumbers rmas, int atOnce) {
        this(dsl, clock, rmas, atOnce, (merchantId, returnId) -> { });
    }

    ReturnSubmissions(DSLContext dsl, Clock clock, RmaNumbers rmas, int atOnce, java.util.function.BiConsumer<Long, Long> approved) {
        this.approved = approved;
        this.gate = new java.util.concurrent.Semaphore(atOnce, true);
        this.dsl = dsl;
        this.clock = clock;
        this.rmas = rmas;
    }

    /** A photo already checked and re-encoded by the page that received it. */
    public record Photo(String contentType, byte[] body, int width, int height) {
    }

    public record Line(long orderItemId, int quantity, Long reasonId, String comment, List<Photo> photos, String exchangeVariant) {
        public Line {
            photos = photos == null ? List.of() : List.copyOf(photos);
        }
    }

    public record Submission(String key, List<Line> lines, ReturnPolicy.Resolution resolution, ReturnPolicy.Method method,
            String customerNote) {
        public Submission {
            lines = List.copyOf(lines);
        }
    }

    /** The stored return, and whether this submission made it or found it made by an earlier one. */
    public record Created(long id, String rma, String publicToken, ReturnStatus status, boolean earlier) {
    }

    /** Either a decision with problems (nothing stored) or the return; an unknown order is empty. */
    public record Result(ReturnDecision decision, Created created) {
        public boolean ok() {
            return created != null;
        }
    }

    public Optional<Result> submit(long merchantId, long orderId, Submission submission) {
        if (submission.key() == null || !submission.key().matches("[A-Za-z0-9_-]{16,64}")) {
            throw new IllegalArgumentException("a submission needs its form's random key");
        }
        // submits take turns, first come first served: a burst of them (a sale's returns right after a
        // notification) queues here instead of crowding the CPUs and the connection pool, where the
        // unlucky ones would wait several times as long as the rest
        Optional<Result> result = submitGated(merchantId, orderId, submission);
        result.map(Result::created).filter(c -> c.status() == ReturnStatus.APPROVED && !c.earlier())
                .ifPresent(c -> approved.accept(merchantId, c.id()));
        return result;
    }

    private Optional<Result> submitGated(long merchantId, long orderId, Submission submission) {
        gate.acquireUninterruptibly();
        try {
            return dsl.transactionResult(cfg -> submitIn(DSL.using(cfg), merchantId, orderId, submission));
        } catch (DataAccessException e) {
            // the same form submitted twice at the same moment: the other transaction won the key
            Optional<Created> winner = byKey(dsl, merchantId, submission.key());
            if (winner.isPresent()) {
                return Optional.of(new Result(null, winner.get()));
            }
            throw e;
        } finally {
            gate.release();
        }
    }

    private Optional<Result> submitIn(DSLContext tx, long merchantId, long orderId, Submission submission) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        // the order row stays locked until commit; a second submit of the same form that waited for
        // the lock finds the return the first one made
        Optional<ReturnFacts.Loaded> found = ReturnFacts.load(tx, merchantId, orderId, true, now, submission.key());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ReturnFacts.Loaded facts = found.get();
        if (facts.earlier() != null) {
            return Optional.of(new Result(null, facts.earlier()));
        }
        Map<Long, Integer> staged = facts.stagedPhotos();
        List<ReturnRequest.Line> lines = submission.lines().stream().map(l -> new ReturnRequest.Line(l.orderItemId(), l.quantity(),
                l.reasonId() == null ? null : facts.reasons().get(l.reasonId()), l.comment(),
                l.photos().size() + staged.getOrDefault(l.orderItemId(), 0), l.exchangeVariant()))
                .toList();
        LocalDate today = now.atZoneSameInstant(facts.zone()).toLocalDate();
        ReturnDecision decision = ReturnRules.decide(facts.policy(), facts.order(),
                new ReturnRequest(lines, submission.resolution(), submission.method()), today);
        if (!decision.ok()) {
            return Optional.of(new Result(decision, null));
        }
        ReturnStatus status = decision.needsReview() ? ReturnStatus.REQUESTED : ReturnStatus.APPROVED;
        boolean shipped = submission.method().shipped() && decision.lines().stream().anyMatch(l -> !l.keepItem());
        boolean dropoff = submission.method() == ReturnPolicy.Method.QR_DROPOFF && shipped;
        // approved at once and travelling by carrier: the parcel is opened with the return
        boolean parcel = status == ReturnStatus.APPROVED && shipped;
        String token = Tokens.newToken();
        ReturnDecision.Amounts amounts = decision.amounts();
        String method = submission.method().name().toLowerCase(Locale.ROOT);
        String decisionJson = rulesJson(decision);
        Writes writes = Writes.of(submission, decision);
        Map<Long, Long> returnItems = new HashMap<>();
        Created created = tx.connectionResult(connection -> {
            // the RMA and drop-off code are random; a clash with another return of this merchant (a
            // unique index) makes the insert do nothing, and the next pick is tried
            for (int attempt = 0; attempt < 20; attempt++) {
                String rma = rmas.next();
                String dropoffCode = dropoff ? dropoffCode() : null;
                String parcelNumber = !parcel ? null : dropoff ? dropoffCode : rma.replace("-", "");
                Written written = write(connection, merchantId, orderId, facts, submission, status, method, token, amounts, decision,
                        decisionJson, rma, dropoffCode, parcelNumber, writes, now);
                if (written.returnId() != 0) {
                    returnItems.putAll(written.items());
                    return new Created(written.returnId(), rma, token, status, false);
                }
                if (written.parcelId() != 0) {
                    ShipmentWriter.forgetReturnParcel(tx, merchantId, written.parcelId());
                }
            }
            throw new IllegalStateException("no unused RMA number and drop-off code after 20 random picks");
        });
        long id = created.id();
        for (Line line : submission.lines()) {
            for (Photo photo : line.photos()) {
                tx.insertInto(RETURN_PHOTOS)
                        .set(RETURN_PHOTOS.MERCHANT_ID, merchantId)
                        .set(RETURN_PHOTOS.RETURN_ITEM_ID, returnItems.get(line.orderItemId()))
                        .set(RETURN_PHOTOS.CONTENT_TYPE, photo.contentType())
                        .set(RETURN_PHOTOS.BODY, photo.body())
                        .set(RETURN_PHOTOS.WIDTH, photo.width())
                        .set(RETURN_PHOTOS.HEIGHT, photo.height())
                        .set(RETURN_PHOTOS.CREATED_AT, now)
                        .execute();
            }
        }
        if (!staged.isEmpty()) {
            ReturnPhotoUploads.attach(tx, merchantId, orderId, submission.key(), returnItems);
        }
        return Optional.of(new Result(decision, created));
    }

    // The writes of a submit run on every return: one statement, rendered once (RenderedQuery), because
    // building and rendering them with jOOQ took more time than PostgreSQL took to run them.
    /**
     * The whole write of a submit in one statement: the parcel (when the return is approved and
     * travels by carrier), the return pointing at it, its items, and the outbox rows that announce
     * it (as {@link Outbox#announceReturn} writes them). When the RMA or drop-off code is taken, the return
     * and everything after it are not written; the parcel's id comes back so it can be removed.
     */
    private static final String WRITE_SQL = """
            WITH parcel AS (
            %s),
            created AS (
                INSERT INTO returns (merchant_id, rma_number, order_id, policy_id, status, resolution, method, public_token, currency,
                                     items_value, restocking_fee, shipping_fee, bonus, total, needs_review, decision, dropoff_code,
                                     submission_key, customer_note, created_at, updated_at, approved_at, return_shipment_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, (SELECT id FROM parcel))
                ON CONFLICT DO NOTHING
                RETURNING merchant_id, id, order_id, rma_number, status, created_at),
            items AS (
                INSERT INTO return_items (merchant_id, return_id, order_item_id, quantity, reason_id, comment, exchange_variant_title,
                                          value, keep_item)
                SELECT c.merchant_id, c.id, u.item, u.quantity, u.reason, u.comment, u.variant, u.value, u.keep
                FROM created c,
                     unnest(?::bigint[], ?::integer[], ?::bigint[], ?::text[], ?::text[], ?::numeric[], ?::boolean[])
                         AS u (item, quantity, reason, comment, variant, value, keep)
                RETURNING id, order_item_id),
            announced AS (
%s)
            SELECT (SELECT id FROM created), (SELECT id FROM parcel),
                   (SELECT array_agg(order_item_id ORDER BY id) FROM items), (SELECT array_agg(id ORDER BY id) FROM items)
            """.formatted(ShipmentWriter.insertReturnParcel("""
                SELECT o.merchant_id, o.id, 'return', coalesce(p.return_carrier, '%s'), ?, o.shipping_city, o.shipping_region,
                       o.shipping_postal_code, o.shipping_country, p.return_to_city, p.return_to_region, p.return_to_postal_code,
                       p.return_to_country, ?, ?, ?, ?
                FROM orders o
                LEFT JOIN return_policies p ON p.merchant_id = o.merchant_id AND p.id = ?
                WHERE o.merchant_id = ? AND o.id = ? AND ?::text IS NOT NULL""".formatted(ShipmentWriter.UNKNOWN_CARRIER)),
            Outbox.ANNOUNCE_CREATED_RETURN);

    // WRITE_SQL's parameters, in the order of its ?s (the same name twice where a value is used twice)
    private static final Param<String> PARCEL_NUMBER = DSL.param("lf_parcel_number", SQLDataType.CLOB);
    private static final Param<String> PARCEL_TOKEN = DSL.param("lf_parcel_token", SQLDataType.CLOB);
    private static final Param<OffsetDateTime> NOW = DSL.param("lf_now", SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Param<Long> POLICY = DSL.param("lf_policy", SQLDataType.BIGINT);
    private static final Param<Long> MERCHANT = DSL.param("lf_merchant", SQLDataType.BIGINT);
    private static final Param<Long> ORDER = DSL.param("lf_order", SQLDataType.BIGINT);
    private static final List<Param<?>> RETURN_COLUMNS = List.of(DSL.param("lf_rma", SQLDataType.CLOB), ORDER, POLICY,
            DSL.param("lf_status", SQLDataType.CLOB), DSL.param("lf_resolution", SQLDataType.CLOB), DSL.param("lf_method", SQLDataType.CLOB),
            DSL.param("lf_token", SQLDataType.CLOB), DSL.param("lf_currency", SQLDataType.CLOB),
            DSL.param("lf_items_value", SQLDataType.NUMERIC), DSL.param("lf_restocking_fee", SQLDataType.NUMERIC),
            DSL.param("lf_shipping_fee", SQLDataType.NUMERIC), DSL.param("lf_bonus", SQLDataType.NUMERIC),
            DSL.param("lf_total", SQLDataType.NUMERIC), DSL.param("lf_needs_review", SQLDataType.BOOLEAN),
            DSL.param("lf_decision", SQLDataType.CLOB), DSL.param("lf_dropoff_code", SQLDataType.CLOB),
            DSL.param("lf_submission_key", SQLDataType.CLOB), DSL.param("lf_customer_note", SQLDataType.CLOB), NOW, NOW,
            DSL.param("lf_approved_at", SQLDataType.TIMESTAMPWITHTIMEZONE));
    private static final List<Param<?>> ITEM_COLUMNS = List.of(DSL.param("lf_items", SQLDataType.BIGINT.array()),
            DSL.param("lf_quantities", SQLDataType.INTEGER.array()), DSL.param("lf_reasons", SQLDataType.BIGINT.array()),
            DSL.param("lf_comments", SQLDataType.CLOB.array()), DSL.param("lf_variants", SQLDataType.CLOB.array()),
            DSL.param("lf_values", SQLDataType.NUMERIC.array()), DSL.param("lf_keep", SQLDataType.BOOLEAN.array()));
    private static final Param<String> EMAIL = DSL.param("lf_email", SQLDataType.CLOB);
    /** The submit's one write (docs/benchmarks.md, "Submitting a return"), rendered once. */
    private static final RenderedQuery WRITE = write();

    private static RenderedQuery write() {
        List<Object> params = new ArrayList<>(List.of(PARCEL_NUMBER, PARCEL_TOKEN, NOW, NOW, NOW, POLICY, MERCHANT, ORDER, PARCEL_NUMBER,
                MERCHANT));
        params.addAll(RETURN_COLUMNS);
        params.addAll(ITEM_COLUMNS);
        params.add(EMAIL);
        return RenderedQuery.of(DSL.resultQuery(WRITE_SQL, params.toArray()));
    }

    /** The items of a submit as the columns of {@code WRITE}'s unnest. */
    private record Writes(Long[] items, Integer[] quantities, Long[] reasons, String[] comments, String[] variants,
            java.math.BigDecimal[] values, Boolean[] keep) {
        static Writes of(Submission submission, ReturnDecision decision) {
            int n = submission.lines().size();
            Writes w = new Writes(new Long[n], new Integer[n], new Long[n], new String[n], new String[n], new java.math.BigDecimal[n],
                    new Boolean[n]);
            for (int i = 0; i < n; i++) {
                Line line = submission.lines().get(i);
                ReturnDecision.Line priced = decision.lines().get(i);
                w.items[i] = line.orderItemId();
                w.quantities[i] = line.quantity();
                w.reasons[i] = line.reasonId();
                w.comments[i] = blankToNull(line.comment());
                w.variants[i] = submission.resolution() == ReturnPolicy.Resolution.EXCHANGE ? line.exchangeVariant() : null;
                w.values[i] = priced.value();
                w.keep[i] = priced.keepItem();
            }
            return w;
        }
    }

    /** What {@code WRITE} made: the return's id (0 when its RMA or drop-off code was taken), the parcel's, and the item ids. */
    private record Written(long returnId, long parcelId, Map<Long, Long> items) {
    }

    private static Written write(java.sql.Connection connection, long merchantId, long orderId, ReturnFacts.Loaded facts,
            Submission submission, ReturnStatus status, String method, String token, ReturnDecision.Amounts amounts,
            ReturnDecision decision, String decisionJson, String rma, String dropoffCode, String parcelNumber, Writes writes,
            OffsetDateTime now) throws java.sql.SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put(PARCEL_NUMBER.getParamName(), parcelNumber);
        values.put(PARCEL_TOKEN.getParamName(), Tokens.newToken());
        values.put(NOW.getParamName(), now);
        values.put(POLICY.getParamName(), facts.policyId());
        values.put(MERCHANT.getParamName(), merchantId);
        values.put(ORDER.getParamName(), orderId);
        List<Object> returnValues = java.util.Arrays.asList(rma, orderId, facts.policyId(), status.code(),
                submission.resolution().name().toLowerCase(Locale.ROOT), method, token, amounts.currency(), amounts.itemsValue(),
                amounts.restockingFee(), amounts.shippingFee(), amounts.bonus(), amounts.total(), decision.needsReview(), decisionJson,
                dropoffCode, submission.key(), blankToNull(submission.customerNote()), now, now,
                status == ReturnStatus.APPROVED ? now : null);
        for (int i = 0; i < RETURN_COLUMNS.size(); i++) {
            values.put(RETURN_COLUMNS.get(i).getParamName(), returnValues.get(i));
        }
        List<Object[]> itemValues = List.of(writes.items(), writes.quantities(), writes.reasons(), writes.comments(), writes.variants(),
                writes.values(), writes.keep());
        for (int i = 0; i < ITEM_COLUMNS.size(); i++) {
            values.put(ITEM_COLUMNS.get(i).getParamName(), itemValues.get(i));
        }
        values.put(EMAIL.getParamName(), facts.customerEmail());
        return WRITE.query(connection, values, rows -> {
            rows.next();
            Map<Long, Long> items = new HashMap<>();
            java.sql.Array orderItems = rows.getArray(3);
            java.sql.Array returnItems = rows.getArray(4);
            if (orderItems != null) {
                Long[] from = (Long[]) orderItems.getArray();
                Long[] to = (Long[]) returnItems.getArray();
                for (int i = 0; i < from.length; i++) {
                    items.put(from[i], to[i]);
                }
            }
            return new Written(rows.getLong(1), rows.getLong(2), items);
        });
    }

    private static Optional<Created> byKey(DSLContext tx, long merchantId, String key) {
        return tx.select(RETURNS.ID, RETURNS.RMA_NUMBER, RETURNS.PUBLIC_TOKEN, RETURNS.STATUS).from(RETURNS)
                .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.SUBMISSION_KEY.eq(key))
                .fetchOptional(r -> new Created(r.value1(), r.value2(), r.value3(), ReturnStatus.of(r.value4()).orElseThrow(), true));
    }

    /** What the carrier scans at the counter: 10 characters, easy to read out if the scanner fails. */
    static String dropoffCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(DROPOFF_ALPHABET.charAt(RANDOM.nextInt(DROPOFF_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String rulesJson(ReturnDecision decision) {
        ArrayNode rules = JSON.createArrayNode();
        for (ReturnDecision.Applied applied : decision.rules()) {
            ObjectNode rule = rules.addObject().put("rule", applied.rule().name()).put("detail", applied.detail());
            if (applied.orderItemId() != ReturnDecision.Applied.WHOLE_RETURN) {
                rule.put("item", applied.orderItemId());
            }
        }
        return rules.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
