package app.landfall.returns;

import app.landfall.returns.ReturnDecision.Applied;
import app.landfall.returns.ReturnDecision.Problem;
import app.landfall.returns.ReturnPolicy.Resolution;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The return policy engine: which items can be returned, and what a request comes to (amounts,
 * approval) under a policy. Pure: everything it needs comes in as arguments, so the same inputs
 * always give the same decision, and every decision lists the rules that produced it.
 *
 * <p>Money is exact: {@link BigDecimal} throughout, rounded half-up to the currency's minor unit
 * only where a percentage is taken.
 */
public final class ReturnRules {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final int MAX_PHOTOS = 3;
    static final int MAX_COMMENT_LENGTH = 2_000;

    private ReturnRules() {
    }

    /**
     * Whether an item can be returned, how many units, and until when; {@code rule} says why
     * (a window rule when it can, the blocking rule when it cannot).
     */
    public record Eligibility(long orderItemId, int returnableQuantity, LocalDate lastDay, Rule rule, String detail) {
        public boolean eligible() {
            return returnableQuantity > 0;
        }
    }

    public static List<Eligibility> eligibility(ReturnPolicy policy, OrderFacts order, LocalDate today) {
        return order.items().stream().map(item -> eligibility(policy, order, item, today)).toList();
    }

    static Eligibility eligibility(ReturnPolicy policy, OrderFacts order, OrderFacts.Item item, LocalDate today) {
        if (item.finalSale() && !policy.finalSaleReturnable()) {
            return blocked(item, Rule.FINAL_SALE, null, "final sale");
        }
        Optional<String> excluded = item.tags().stream().filter(policy.excludedTags()::contains).sorted().findFirst();
        if (excluded.isPresent()) {
            return blocked(item, Rule.EXCLUDED_TAG, null, "tag " + excluded.get() + " is not returnable");
        }
        int remaining = item.quantity() - item.quantityInReturns();
        if (remaining <= 0) {
            return blocked(item, Rule.ALREADY_RETURNED, null, item.quantityInReturns() + " of " + item.quantity() + " already in returns");
        }
        if (policy.maxReturnsPerOrder() != null && order.activeReturns() >= policy.maxReturnsPerOrder()) {
            return blocked(item, Rule.MAX_RETURNS_PER_ORDER, null,
                    order.activeReturns() + " returns already, at most " + policy.maxReturnsPerOrder());
        }
        OrderFacts.Delivery delivery = item.delivery();
        boolean inHand = delivery.state() == OrderFacts.Delivery.State.DELIVERED
                || delivery.state() == OrderFacts.Delivery.State.SHIPPED_UNTRACKED;
        if (!inHand) {
            return blocked(item, Rule.NOT_DELIVERED, null, delivery.state() == OrderFacts.Delivery.State.NOT_SHIPPED
                    ? "not shipped yet" : "on its way since " + delivery.shippedOn());
        }
        Window window = window(policy, item);
        LocalDate start = switch (policy.windowStartsAt()) {
            case ORDERED -> order.orderedOn();
            case SHIPPED -> delivery.shippedOn();
            // delivery, or fulfillment when nothing tells when (or whether) it arrived
            case DELIVERED -> delivery.deliveredOn() != null ? delivery.deliveredOn() : delivery.shippedOn();
        };
        if (start == null) { // shipped without a date: the facts are incomplete, so nothing is promised
            return blocked(item, Rule.NOT_DELIVERED, null, "no " + policy.windowStartsAt().name().toLowerCase(java.util.Locale.ROOT) + " date");
        }
        LocalDate lastDay = start.plusDays(window.days());
        String detail = window.detail() + window.days() + " days from " + startName(policy, delivery) + " on " + start + ", until " + lastDay;
        if (today.isAfter(lastDay)) {
            return blocked(item, Rule.WINDOW_CLOSED, lastDay, detail);
        }
        return new Eligibility(item.id(), remaining, lastDay, window.rule(), detail);
    }

    private static String startName(ReturnPolicy policy, OrderFacts.Delivery delivery) {
        return switch (policy.windowStartsAt()) {
            case ORDERED -> "the order";
            case SHIPPED -> "shipping";
            case DELIVERED -> delivery.deliveredOn() != null ? "delivery" : "fulfillment (delivery unknown)";
        };
    }

    private static Eligibility blocked(OrderFacts.Item item, Rule rule, LocalDate lastDay, String detail) {
        return new Eligibility(item.id(), 0, lastDay, rule, detail);
    }

    private record Window(int days, Rule rule, String detail) {
    }

    /** The item's window: its SKU's, else the longest of its tags', else the policy's. */
    static Window window(ReturnPolicy policy, OrderFacts.Item item) {
        Optional<ReturnPolicy.WindowOverride> bySku = policy.windowOverrides().stream()
                .filter(o -> o.kind() == ReturnPolicy.WindowOverride.Kind.SKU && o.value().equals(item.sku()))
                .findFirst();
        if (bySku.isPresent()) {
            return new Window(bySku.get().windowDays(), Rule.WINDOW_BY_SKU, "SKU " + item.sku() + ": ");
        }
        Optional<ReturnPolicy.WindowOverride> byTag = policy.windowOverrides().stream()
                .filter(o -> o.kind() == ReturnPolicy.WindowOverride.Kind.TAG && item.tags().contains(o.value()))
                .max((a, b) -> a.windowDays() != b.windowDays() ? Integer.compare(a.windowDays(), b.windowDays())
                        : b.value().compareTo(a.value())); // the same every time, whatever the order of the tags
        return byTag.map(o -> new Window(o.windowDays(), Rule.WINDOW_BY_TAG, "tag " + o.value() + ": "))
                .orElseGet(() -> new Window(policy.windowDays(), Rule.WINDOW, ""));
    }

    /** Checks a request against the policy and, when it holds, prices it and decides on approval. */
    public static ReturnDecision decide(ReturnPolicy policy, OrderFacts order, ReturnRequest request, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        List<Applied> applied = new ArrayList<>();
        if (request.lines().isEmpty()) {
            problems.add(problem("items", "return.problem.no_items"));
        }
        if (request.resolution() == null || !policy.resolutions().contains(request.resolution())) {
            problems.add(problem("resolution", "return.problem.resolution_not_offered"));
        }
        if (request.method() == null || !policy.methods().contains(request.method())) {
            problems.add(problem("method", "return.problem.method_not_offered"));
        }
        Map<Long, OrderFacts.Item> items = order.items().stream().collect(Collectors.toMap(OrderFacts.Item::id, Function.identity()));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ReturnRequest.Line line = request.lines().get(i);
            String field = "items[" + i + "]";
            OrderFacts.Item item = items.get(line.orderItemId());
            if (item == null) {
                problems.add(problem(field, "return.problem.unknown_item"));
                continue;
            }
            if (!seen.add(item.id())) {
                problems.add(problem(field, "return.problem.duplicate_item"));
                continue;
            }
            checkLine(policy, order, item, line, request.resolution(), today, field, problems, applied);
        }
        if (!problems.isEmpty()) {
            return new ReturnDecision(problems, List.of(), null, false, List.of());
        }
        return price(policy, order, request, items, applied);
    }

    private static void checkLine(ReturnPolicy policy, OrderFacts order, OrderFacts.Item item, ReturnRequest.Line line,
            Resolution resolution, LocalDate today, String field, List<Problem> problems, List<Applied> applied) {
        Eligibility eligibility = eligibility(policy, order, item, today);
        if (!eligibility.eligible()) {
            problems.add(problem(field, "return.problem.not_returnable", eligibility.rule().messageKey(), eligibility.lastDay()));
            return;
        }
        applied.add(new Applied(eligibility.rule(), item.id(), eligibility.detail()));
        if (line.quantity() < 1) {
            problems.add(problem(field + ".quantity", "return.problem.quantity_positive"));
        } else if (line.quantity() > eligibility.returnableQuantity()) {
            problems.add(problem(field + ".quantity", "return.problem.quantity_too_many", eligibility.returnableQuantity()));
        }
        ReturnRequest.Reason reason = line.reason();
        boolean noComment = line.comment() == null || line.comment().isBlank();
        if (reason == null) {
            problems.add(problem(field + ".reason", "return.problem.reason_required"));
        } else {
            if (!reason.fit().fits(item)) {
                problems.add(problem(field + ".reason", "return.problem.reason_not_for_item"));
            }
            if (!reason.commentOptional() && noComment) {
                problems.add(problem(field + ".comment", "return.problem.comment_required"));
            }
            if (reason.requiresPhotos() && line.photos() < 1) {
                problems.add(problem(field + ".photos", "return.problem.photos_required", MAX_PHOTOS));
            }
        }
        if (line.photos() > MAX_PHOTOS || line.photos() < 0) {
            problems.add(problem(field + ".photos", "return.problem.too_many_photos", MAX_PHOTOS));
        }
        if (!noComment && line.comment().length() > MAX_COMMENT_LENGTH) {
            problems.add(problem(field + ".comment", "return.problem.comment_too_long", MAX_COMMENT_LENGTH));
        }
        if (resolution == Resolution.EXCHANGE) {
            if (line.exchangeVariant() == null || line.exchangeVariant().isBlank()) {
                problems.add(problem(field + ".exchange_variant", "return.problem.variant_required"));
            } else if (!item.exchangeVariants().contains(line.exchangeVariant())) {
                problems.add(problem(field + ".exchange_variant", "return.problem.variant_unavailable"));
            }
        }
    }

    private static ReturnDecision price(ReturnPolicy policy, OrderFacts order, ReturnRequest request,
            Map<Long, OrderFacts.Item> items, List<Applied> applied) {
        int scale = minorUnits(order.currency());
        Resolution resolution = request.resolution();
        // keeping the item suits a refund or credit; an exchange sends a new one, so the old one comes back
        boolean keepAllowed = policy.keepItemBelow() != null && resolution != Resolution.EXCHANGE;
        List<ReturnDecision.Line> lines = new ArrayList<>();
        BigDecimal itemsValue = BigDecimal.ZERO.setScale(scale);
        BigDecimal sentBackValue = BigDecimal.ZERO.setScale(scale);
        Map<Long, BigDecimal> paid = paidPerLine(order);
        for (ReturnRequest.Line line : request.lines()) {
            OrderFacts.Item item = items.get(line.orderItemId());
            BigDecimal linePaid = paid.get(item.id());
            BigDecimal value = PaidPrices.forUnits(linePaid, item.quantity(), item.quantityInReturns(), line.quantity());
            BigDecimal share = listValue(item).setScale(scale, RoundingMode.HALF_UP).subtract(linePaid);
            if (share.signum() > 0) {
                applied.add(new Applied(Rule.ORDER_DISCOUNT, item.id(), "order discount " + order.discount().setScale(scale, RoundingMode.HALF_UP)
                        + " shared by line value: " + share + " of it on this line, which cost " + linePaid));
            }
            boolean keep = keepAllowed && item.unitPrice().compareTo(policy.keepItemBelow()) <= 0;
            if (keep) {
                applied.add(new Applied(Rule.KEEP_ITEM, item.id(),
                        "unit price " + item.unitPrice() + " at or below " + policy.keepItemBelow() + ": refunded, not sent back"));
            } else {
                sentBackValue = sentBackValue.add(value);
            }
            itemsValue = itemsValue.add(value);
            lines.add(new ReturnDecision.Line(item.id(), line.quantity(), value, keep));
        }
        ReturnPolicy.Fees fees = policy.fees();
        boolean waived = false;
        if (resolution == Resolution.EXCHANGE && fees.waivedForExchange()) {
            applied.add(new Applied(Rule.FEES_WAIVED_FOR_EXCHANGE, Applied.WHOLE_RETURN, "no fees for an exchange"));
            waived = true;
        } else if (resolution == Resolution.STORE_CREDIT && fees.waivedForStoreCredit()) {
            applied.add(new Applied(Rule.FEES_WAIVED_FOR_STORE_CREDIT, Applied.WHOLE_RETURN, "no fees for store credit"));
            waived = true;
        }
        BigDecimal restocking = BigDecimal.ZERO.setScale(scale);
        BigDecimal shipping = BigDecimal.ZERO.setScale(scale);
        if (!waived) {
            restocking = percent(sentBackValue, fees.restockingPercent(), scale);
            if (restocking.signum() > 0) {
                applied.add(new Applied(Rule.RESTOCKING_FEE, Applied.WHOLE_RETURN,
                        fees.restockingPercent().stripTrailingZeros().toPlainString() + " % of " + sentBackValue + " = " + restocking));
            }
            boolean shipped = request.method().shipped() && lines.stream().anyMatch(l -> !l.keepItem());
            if (shipped && fees.returnShippingFlat().signum() > 0) {
                shipping = fees.returnShippingFlat().setScale(scale, RoundingMode.HALF_UP);
                applied.add(new Applied(Rule.RETURN_SHIPPING_FEE, Applied.WHOLE_RETURN, "flat " + shipping));
            }
        }
        BigDecimal bonus = BigDecimal.ZERO.setScale(scale);
        if (resolution == Resolution.STORE_CREDIT && policy.storeCreditBonusPercent() != null) {
            bonus = percent(itemsValue, policy.storeCreditBonusPercent(), scale);
            if (bonus.signum() > 0) {
                applied.add(new Applied(Rule.STORE_CREDIT_BONUS, Applied.WHOLE_RETURN,
                        policy.storeCreditBonusPercent().stripTrailingZeros().toPlainString() + " % of " + itemsValue + " = " + bonus));
            }
        }
        BigDecimal total = itemsValue.subtract(restocking).subtract(shipping).add(bonus).max(BigDecimal.ZERO.setScale(scale));
        boolean review = review(policy, order, request, itemsValue, applied);
        return new ReturnDecision(List.of(), lines, new ReturnDecision.Amounts(order.currency(), itemsValue, restocking, shipping, bonus, total),
                review, applied);
    }

    /**
     * What a request would come to, before every answer is in (the shopper is still choosing how to
     * be paid back or how to send it): the amounts only, for the lines as they are. The full
     * {@link #decide} still checks everything before anything is stored.
     */
    public static ReturnDecision.Amounts quote(ReturnPolicy policy, OrderFacts order, ReturnRequest request) {
        Map<Long, OrderFacts.Item> items = order.items().stream().collect(Collectors.toMap(OrderFacts.Item::id, Function.identity()));
        List<ReturnRequest.Line> known = request.lines().stream()
                .filter(l -> items.containsKey(l.orderItemId()) && l.quantity() > 0).toList();
        ReturnRequest cleaned = new ReturnRequest(known, request.resolution(),
                request.method() == null ? policy.methods().stream().sorted().findFirst().orElseThrow() : request.method());
        return price(policy, order, cleaned, items, new ArrayList<>()).amounts();
    }

    /** What {@code units} more units of an item are worth, as {@link #decide} would count them. */
    public static BigDecimal valueOf(OrderFacts order, long itemId, int units) {
        OrderFacts.Item item = order.items().stream().filter(i -> i.id() == itemId).findFirst().orElseThrow();
        return PaidPrices.forUnits(paidPerLine(order).get(itemId), item.quantity(), item.quantityInReturns(), units);
    }

    /** What one more unit of each item is worth: what was paid for it, the order's discount shared out. */
    public static Map<Long, BigDecimal> unitValues(OrderFacts order) {
        Map<Long, BigDecimal> paid = paidPerLine(order);
        Map<Long, BigDecimal> units = new java.util.HashMap<>();
        for (OrderFacts.Item item : order.items()) {
            units.put(item.id(), PaidPrices.forUnits(paid.get(item.id()), item.quantity(), Math.min(item.quantityInReturns(), item.quantity() - 1), 1));
        }
        return units;
    }

    /** What was paid for each line of the order, by item id. */
    private static Map<Long, BigDecimal> paidPerLine(OrderFacts order) {
        List<BigDecimal> paid = PaidPrices.allocate(order.currency(),
                order.items().stream().map(ReturnRules::listValue).toList(), order.discount());
        Map<Long, BigDecimal> byItem = new java.util.HashMap<>();
        for (int i = 0; i < paid.size(); i++) {
            byItem.put(order.items().get(i).id(), paid.get(i));
        }
        return byItem;
    }

    private static BigDecimal listValue(OrderFacts.Item item) {
        return item.unitPrice().multiply(BigDecimal.valueOf(item.quantity()));
    }

    private static boolean review(ReturnPolicy policy, OrderFacts order, ReturnRequest request, BigDecimal itemsValue,
            List<Applied> applied) {
        int before = applied.size();
        for (ReturnRequest.Line line : request.lines()) {
            if (line.reason() != null && line.reason().requiresReview()) {
                applied.add(new Applied(Rule.REVIEW_REASON, line.orderItemId(), "reason " + line.reason().code()));
            }
        }
        ReturnPolicy.Review review = policy.review();
        if (review.aboveAmount() != null && itemsValue.compareTo(review.aboveAmount()) > 0) {
            applied.add(new Applied(Rule.REVIEW_AMOUNT, Applied.WHOLE_RETURN, itemsValue + " is above " + review.aboveAmount()));
        }
        if (review.returnsIn90DaysAbove() != null && order.customerReturnsLast90Days() > review.returnsIn90DaysAbove()) {
            applied.add(new Applied(Rule.REVIEW_FREQUENT_RETURNER, Applied.WHOLE_RETURN,
                    order.customerReturnsLast90Days() + " returns in 90 days, more than " + review.returnsIn90DaysAbove()));
        }
        if (applied.size() == before) {
            applied.add(new Applied(Rule.AUTO_APPROVE, Applied.WHOLE_RETURN, "no rule asked for a review"));
            return false;
        }
        return true;
    }

    private static BigDecimal percent(BigDecimal amount, BigDecimal percent, int scale) {
        if (percent == null || percent.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        return amount.multiply(percent).divide(HUNDRED, scale, RoundingMode.HALF_UP);
    }

    /** Digits after the decimal point for a currency (2 for USD and EUR, 0 for JPY, 3 for KWD); 2 if unknown. */
    static int minorUnits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }

    private static Problem problem(String field, String message, Object... args) {
        return new Problem(field, message, java.util.Arrays.asList(args));
    }
}
