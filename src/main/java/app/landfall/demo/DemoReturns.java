package app.landfall.demo;

import static app.landfall.db.schema.Tables.RETURNS;

import app.landfall.auth.Tokens;
import app.landfall.db.schema.tables.records.ReturnItemsRecord;
import app.landfall.db.schema.tables.records.ReturnsRecord;
import app.landfall.demo.DemoJourney.Outcome;
import app.landfall.demo.DemoOrder.Line;
import app.landfall.demo.DemoOrder.Parcel;
import app.landfall.returns.PaidPrices;
import app.landfall.returns.RmaNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jooq.DSLContext;

/** The orders that come back, one in each state a return passes through. */
final class DemoReturns {

    record DemoReturn(String rma, DemoOrder order, String status, Story story, List<Integer> lines, Parcel parcel,
            Instant createdAt, Instant approvedAt, Instant receivedAt, Instant completedAt, Instant updatedAt) {
    }

    /** What the shopper asked for and why, and what the store made of it. */
    record Story(String resolution, String method, String reason, String comment, String customerNote,
            String merchantNote, String rejectionReason, String carrier, Outcome parcelOutcome) {
    }

    private static final Map<String, Story> STORIES = Map.of(
            "requested", new Story("exchange", "qr_dropoff", "too_small", null,
                    "Runs a little small on me. Could I swap it for the next size up?", null, null, null, null),
            "approved", new Story("store_credit", "qr_dropoff", "changed_mind", null, null, null, null, null, null),
            "in_transit", new Story("refund", "qr_dropoff", "not_as_described",
                    "The fabric is much thinner than the description made it sound.", null, null, null, "usps", Outcome.AT_HUB),
            "received", new Story("exchange", "printable_label", "too_large", null,
                    "Lovely, but roomy. The next size down, please.", null, null, "ups", Outcome.DELIVERED_SIGNED),
            "refunded", new Story("refund", "qr_dropoff", "damaged",
                    "A side seam came apart the second time I wore it.", null,
                    "Seam failure: refunded in full and reported to the supplier.", null, "usps", Outcome.DELIVERED_SIGNED),
            "rejected", new Story("refund", "printable_label", "changed_mind", null,
                    "Wore it on a weekend trip and it's not quite my style.", null,
                    "Our policy covers unworn items with their tags attached. We'd be glad to offer 15% off your next order instead.",
                    null, null));

    private final Random random;
    private final Instant now;
    private final DemoJourneys journeys;
    private final DemoTrackingNumbers numbers;

    DemoReturns(Random random, Instant now, DemoJourneys journeys, DemoTrackingNumbers numbers) {
        this.random = random;
        this.now = now;
        this.journeys = journeys;
        this.numbers = numbers;
    }

    /** Returns of the planned orders, numbered in the order they were opened. */
    List<DemoReturn> build(List<DemoOrder> orders) {
        List<DemoReturn> returns = orders.stream()
                .filter(order -> order.returnStatus() != null)
                .map(this::open)
                .sorted(Comparator.comparing(DemoReturn::createdAt))
                .toList();
        List<DemoReturn> numbered = new ArrayList<>();
        for (int i = 0; i < returns.size(); i++) {
            DemoReturn r = returns.get(i);
            numbered.add(new DemoReturn(RmaNumbers.numbered(100231 + i), r.order(), r.status(), r.story(), r.lines(), r.parcel(),
                    r.createdAt(), r.approvedAt(), r.receivedAt(), r.completedAt(), r.updatedAt()));
        }
        return numbered;
    }

    private DemoReturn open(DemoOrder order) {
        String status = order.returnStatus();
        Story story = STORIES.get(status);
        Instant delivered = Objects.requireNonNull(order.parcels().get(0).journey().deliveredAt(),
                () -> "a return needs a delivered order: " + order.number());
        // a change of mind covers everything that may come back; otherwise the first line (clothing)
        List<Integer> lines = story.reason().equals("changed_mind")
                ? IntStream.range(0, order.lines().size()).filter(i -> returnable(order.lines().get(i))).boxed().toList()
                : List.of(0);
        // shoppers ask in their waking hours; the warehouse team answers in its working hours
        Instant created = journeys.during(delivered.plus(hours(18, 40)), order.customer().destination().place().zone(), 8, 22);
        boolean approved = !status.equals("requested") && !status.equals("rejected");
        Instant approvedAt = approved ? atWarehouse(created.plus(hours(1, 8))) : null;
        Parcel parcel = story.carrier() == null ? null : sendBack(order, story, approvedAt, lines);
        Instant receivedAt = parcel != null && parcel.journey().deliveredAt() != null
                ? atWarehouse(parcel.journey().deliveredAt().plus(hours(1, 20))) : null;
        Instant completedAt = status.equals("refunded") ? atWarehouse(receivedAt.plus(hours(20, 48))) : null;
        Instant updatedAt = status.equals("rejected") ? atWarehouse(created.plus(hours(3, 20)))
                : Stream.of(created, approvedAt, parcel == null ? null : parcel.latest(), receivedAt, completedAt)
                        .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElseThrow();
        if (!updatedAt.isBefore(now)) {
            throw new IllegalStateException("the demo plan puts return " + status + " of " + order.number() + " in the future");
        }
        return new DemoReturn(null, order, status, story, lines, parcel, created, approvedAt, receivedAt, completedAt, updatedAt);
    }

    private Parcel sendBack(DemoOrder order, Story story, Instant labelFrom, List<Integer> lines) {
        DemoJourney journey = journeys.travel(DemoJourneys.back(story.carrier(), order.customer().destination()),
                story.parcelOutcome(), labelFrom);
        String service = DemoTrackingNumbers.service(story.carrier(), false);
        return new Parcel("return", story.carrier(), service, numbers.next(story.carrier(), service),
                order.customer().destination().place(), DemoRoutes.WAREHOUSE, journey.events().get(0).at(), journey, lines);
    }

    private Instant atWarehouse(Instant instant) {
        return journeys.during(instant, DemoRoutes.WAREHOUSE.zone(), 9, 17);
    }

    private static boolean returnable(Line line) {
        return !line.product().finalSale() && !line.product().tags().contains("gift-card");
    }

    private Duration hours(int min, int max) {
        return Duration.ofMinutes(min * 60L + random.nextInt((max - min) * 60 + 1));
    }

    static void insert(DSLContext dsl, long merchantId, long policyId, Map<String, Long> reasonIds, DemoRows.Ids ids,
            Map<String, Long> shipmentIds, List<DemoReturn> returns) {
        List<ReturnsRecord> rows = returns.stream().map(r -> new ReturnsRecord()
                .setMerchantId(merchantId)
                .setRmaNumber(r.rma())
                .setOrderId(ids.order(r.order()))
                .setPolicyId(policyId)
                .setStatus(r.status())
                .setResolution(r.story().resolution())
                .setMethod(r.story().method())
                .setPublicToken(Tokens.newToken())
                .setReturnShipmentId(r.parcel() == null ? null : shipmentIds.get(r.parcel().trackingNumber()))
                .setRefundAmount(settled(r, "refunded"))
                .setCreditAmount(settled(r, "credited"))
                .setItemsValue(paid(r))
                .setBonus(bonus(r))
                .setTotal(paid(r).add(bonus(r)))
                .setDropoffCode(r.story().method().equals("qr_dropoff") ? dropoffCode(r.rma()) : null)
                .setCurrency(r.order().currency())
                .setCustomerNote(r.story().customerNote())
                .setMerchantNote(r.story().merchantNote())
                .setRejectionReason(r.story().rejectionReason())
                .setCreatedAt(DemoRows.at(r.createdAt()))
                .setUpdatedAt(DemoRows.at(r.updatedAt()))
                .setApprovedAt(DemoRows.at(r.approvedAt()))
                .setReceivedAt(DemoRows.at(r.receivedAt()))
                .setCompletedAt(DemoRows.at(r.completedAt())))
                .toList();
        Map<String, Long> returnIds = new HashMap<>();
        DemoRows.insert(dsl, rows, RETURNS.ID, RETURNS.RMA_NUMBER).forEach(r -> returnIds.put(r.getRmaNumber(), r.getId()));

        List<ReturnItemsRecord> items = new ArrayList<>();
        for (DemoReturn r : returns) {
            for (int line : r.lines()) {
                Line bought = r.order().lines().get(line);
                items.add(new ReturnItemsRecord()
                        .setMerchantId(merchantId)
                        .setReturnId(returnIds.get(r.rma()))
                        .setOrderItemId(ids.item(r.order(), line))
                        .setQuantity(bought.quantity())
                        .setValue(paidLines(r.order()).get(line))
                        .setReasonId(reasonIds.get(r.story().reason()))
                        .setComment(r.story().comment())
                        .setExchangeVariantTitle(r.story().resolution().equals("exchange") ? exchangeFor(bought, r.story()) : null)
                        // a return marked received says what arrived, as the team's receipt form records it
                        .setReceivedQuantity(r.receivedAt() == null ? null : bought.quantity())
                        .setCondition(r.receivedAt() == null ? null : r.story().reason().equals("damaged") ? "damaged" : "as_new"));
            }
        }
        DemoRows.insert(dsl, items);
    }

    /** The next size up for "too small", down for "too large", in the same colour. */
    private static String exchangeFor(Line line, Story story) {
        List<String> sizes = line.product().sizes();
        int step = story.reason().equals("too_small") ? 1 : -1;
        String size = sizes.get(sizes.indexOf(line.size()) + step);
        return line.product().variantTitle(size, line.colour());
    }

    /** The demo's drop-off codes derive from the RMA, so every seeded store has the same ones. */
    private static String dropoffCode(String rma) {
        return ("DEMO" + rma.substring(2) + "0000000000").substring(0, 10);
    }

    /** What the shopper paid for the returned lines: the order's discount shared out as the return rules do. */
    private static BigDecimal paid(DemoReturn r) {
        return r.lines().stream().map(i -> paidLines(r.order()).get(i)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<BigDecimal> paidLines(DemoOrder order) {
        return PaidPrices.allocate(order.currency(), order.lines().stream().map(Line::amount).toList(), order.discount());
    }

    private static BigDecimal bonus(DemoReturn r) {
        return r.story().resolution().equals("store_credit") ? paid(r).multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO;
    }

    /** Only a refunded return has a refund amount, only a credited one a credit. */
    private static BigDecimal settled(DemoReturn r, String status) {
        return r.status().equals(status) ? paid(r).add(bonus(r)) : null;
    }
}
