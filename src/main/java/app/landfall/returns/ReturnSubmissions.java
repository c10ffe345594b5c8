package app.landfall.returns;

import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_PHOTOS;

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
import org.jooq.JSONB;
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

    public ReturnSubmissions(DSLContext dsl, Clock clock, RmaNumbers rmas) {
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
        try {
            return dsl.transactionResult(cfg -> submitIn(DSL.using(cfg), merchantId, orderId, submission));
        } catch (DataAccessException e) {
            // the same form submitted twice at the same moment: the other transaction won the key
            Optional<Created> winner = byKey(dsl, merchantId, submission.key());
            if (winner.isPresent()) {
                return Optional.of(new Result(null, winner.get()));
            }
            throw e;
        }
    }

    private Optional<Result> submitIn(DSLContext tx, long merchantId, long orderId, Submission submission) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Optional<ReturnFacts.Loaded> found = ReturnFacts.load(tx, merchantId, orderId, true, now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ReturnFacts.Loaded facts = found.get();
        // a second submit that waited for our lock finds the return the first one made
        Optional<Created> earlier = byKey(tx, merchantId, submission.key());
        if (earlier.isPresent()) {
            return Optional.of(new Result(null, earlier.get()));
        }
        Map<Long, Integer> staged = ReturnPhotoUploads.counts(tx, merchantId, orderId, submission.key());
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
        String token = Tokens.newToken();
        ReturnDecision.Amounts amounts = decision.amounts();
        // the RMA and drop-off code are random; a clash with another return of this merchant (a
        // unique index) makes the insert do nothing, and the next pick is tried
        Long inserted = null;
        String rma = null;
        String dropoffCode = null;
        for (int attempt = 0; inserted == null; attempt++) {
            if (attempt == 20) {
                throw new IllegalStateException("no unused RMA number and drop-off code after 20 random picks");
            }
            rma = rmas.next();
            dropoffCode = dropoff ? dropoffCode() : null;
            inserted = tx.insertInto(RETURNS)
                    .set(RETURNS.MERCHANT_ID, merchantId)
                    .set(RETURNS.RMA_NUMBER, rma)
                    .set(RETURNS.ORDER_ID, orderId)
                    .set(RETURNS.POLICY_ID, facts.policyId())
                    .set(RETURNS.STATUS, status.code())
                    .set(RETURNS.RESOLUTION, submission.resolution().name().toLowerCase(Locale.ROOT))
                    .set(RETURNS.METHOD, submission.method().name().toLowerCase(Locale.ROOT))
                    .set(RETURNS.PUBLIC_TOKEN, token)
                    .set(RETURNS.CURRENCY, amounts.currency())
                    .set(RETURNS.ITEMS_VALUE, amounts.itemsValue())
                    .set(RETURNS.RESTOCKING_FEE, amounts.restockingFee())
                    .set(RETURNS.SHIPPING_FEE, amounts.shippingFee())
                    .set(RETURNS.BONUS, amounts.bonus())
                    .set(RETURNS.TOTAL, amounts.total())
                    .set(RETURNS.NEEDS_REVIEW, decision.needsReview())
                    .set(RETURNS.DECISION, JSONB.valueOf(rulesJson(decision)))
                    .set(RETURNS.DROPOFF_CODE, dropoffCode)
                    .set(RETURNS.SUBMISSION_KEY, submission.key())
                    .set(RETURNS.CUSTOMER_NOTE, blankToNull(submission.customerNote()))
                    .set(RETURNS.CREATED_AT, now)
                    .set(RETURNS.UPDATED_AT, now)
                    .set(RETURNS.APPROVED_AT, status == ReturnStatus.APPROVED ? now : null)
                    .onConflictDoNothing()
                    .returning(RETURNS.ID).fetchOptional(RETURNS.ID).orElse(null);
        }
        long id = inserted;
        var items = tx.insertInto(RETURN_ITEMS, RETURN_ITEMS.MERCHANT_ID, RETURN_ITEMS.RETURN_ID, RETURN_ITEMS.ORDER_ITEM_ID,
                RETURN_ITEMS.QUANTITY, RETURN_ITEMS.REASON_ID, RETURN_ITEMS.COMMENT, RETURN_ITEMS.EXCHANGE_VARIANT_TITLE, RETURN_ITEMS.VALUE,
                RETURN_ITEMS.KEEP_ITEM);
        for (int i = 0; i < lines.size(); i++) {
            Line line = submission.lines().get(i);
            ReturnDecision.Line priced = decision.lines().get(i);
            items = items.values(merchantId, id, line.orderItemId(), line.quantity(), line.reasonId(), blankToNull(line.comment()),
                    submission.resolution() == ReturnPolicy.Resolution.EXCHANGE ? line.exchangeVariant() : null, priced.value(),
                    priced.keepItem());
        }
        Map<Long, Long> returnItems = new HashMap<>();
        items.returning(RETURN_ITEMS.ID, RETURN_ITEMS.ORDER_ITEM_ID).fetch()
                .forEach(r -> returnItems.put(r.getOrderItemId(), r.getId()));
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
        if (status == ReturnStatus.APPROVED) {
            ReturnParcels.open(tx, merchantId, id, now);
        }
        ReturnEvents.record(tx, merchantId, id, rma, status, facts.customerEmail(), now);
        return Optional.of(new Result(decision, new Created(id, rma, token, status, false)));
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
