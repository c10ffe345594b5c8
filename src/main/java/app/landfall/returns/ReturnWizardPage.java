package app.landfall.returns;

import app.landfall.i18n.LocalFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a step of the return wizard shows: the step indicator, the answers carried in hidden fields,
 * the errors in the order of the page, and the step's own items, choices and money. Reads nothing:
 * everything comes from the order's facts and the draft.
 */
final class ReturnWizardPage {
    /** An error as the page words it: a message key and its arguments (padded, so a template can always pass two). */
    record Message(String key, List<Object> args) {
        Message {
            List<Object> padded = new ArrayList<>(args);
            while (padded.size() < 2) {
                padded.add("");
            }
            args = java.util.Collections.unmodifiableList(padded);
        }

        static Message of(String key, Object... args) {
            return new Message(key, Arrays.asList(args));
        }

        public Object arg0() {
            return args.get(0);
        }

        public Object arg1() {
            return args.get(1);
        }
    }

    /** An entry of the error summary: the message, and the id of the field its link goes to. */
    record Error(String anchor, Message message) {
    }

    private final ReturnFacts.Loaded facts;
    private final ReturnDraft draft;
    private final LocalFormat fmt;
    private final UnaryOperator<String> imageSrc;
    private final ShopperMoney money;
    private final LocalDate today;

    ReturnWizardPage(ReturnFacts.Loaded facts, ReturnDraft draft, LocalFormat fmt, LocalDate today, UnaryOperator<String> imageSrc) {
        this.today = today;
        this.facts = facts;
        this.draft = draft;
        this.fmt = fmt;
        this.imageSrc = imageSrc;
        this.money = new ShopperMoney(facts.order().currency(), fmt.locale());
    }

    Map<String, Object> model(ReturnStep step, Map<String, Message> errors, ReturnDecision decision) {
        Map<String, Object> model = new HashMap<>();
        model.put("step", step.code());
        model.put("stepNumber", step.number());
        model.put("stepCount", ReturnStep.values().length);
        model.put("steps", Arrays.stream(ReturnStep.values()).map(s -> Map.of("code", s.code(),
                "state", s.ordinal() < step.ordinal() ? "done" : s == step ? "current" : "upcoming")).toList());
        model.put("carried", draft.carried(step));
        model.put("key", draft.key());
        model.put("errors", errors);
        model.put("errorList", errorList(errors));
        List<Map<String, Object>> rows = rows(errors);
        model.put("rows", rows);
        model.put("chosen", rows.stream().filter(r -> (Boolean) r.get("picked")).toList());
        model.put("anyEligible", rows.stream().anyMatch(r -> (Boolean) r.get("eligible")));
        model.put("resolution", code(draft.resolution()));
        model.put("method", code(draft.method()));
        switch (step) {
            case RESOLUTION -> {
                List<Map<String, Object>> resolutions = resolutions();
                model.put("resolutions", resolutions);
                model.put("exchangeOffered", resolutions.stream().anyMatch(r -> r.get("code").equals("exchange") && (Boolean) r.get("available")));
            }
            case METHOD -> model.put("methods", methods());
            case REVIEW -> review(model, decision);
            default -> { }
        }
        return model;
    }

    /** Every item of the order as a card: its value per unit, and why not when it cannot go back. */
    private List<Map<String, Object>> rows(Map<String, Message> errors) {
        Map<Long, ReturnRules.Eligibility> eligibility = new HashMap<>();
        ReturnRules.eligibility(facts.policy(), facts.order(), today).forEach(e -> eligibility.put(e.orderItemId(), e));
        Map<Long, OrderFacts.Item> items = new HashMap<>();
        facts.order().items().forEach(i -> items.put(i.id(), i));
        Map<Long, BigDecimal> unitValues = ReturnRules.unitValues(facts.order());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReturnFacts.Shown shown : facts.shown()) {
            long id = shown.id();
            OrderFacts.Item item = items.get(id);
            ReturnRules.Eligibility e = eligibility.get(id);
            Map<String, Object> row = new HashMap<>();
            row.put("id", String.valueOf(id));
            row.put("title", shown.title());
            row.put("variant", shown.variant());
            row.put("image", shown.imageUrl() == null ? null : imageSrc.apply(shown.imageUrl()));
            row.put("eligible", e.eligible());
            row.put("why", e.eligible() ? null : e.rule().messageKey());
            row.put("lastDay", e.lastDay() == null ? null : fmt.day(e.lastDay()));
            row.put("unitPrice", money.format(unitValues.get(id)));
            row.put("returnable", e.returnableQuantity());
            List<String> quantities = new ArrayList<>();
            for (int q = 1; q <= e.returnableQuantity(); q++) {
                quantities.add(String.valueOf(q));
            }
            row.put("quantities", quantities);
            int quantity = draft.quantity(id);
            row.put("picked", quantity != 0 && e.eligible());
            row.put("qty", String.valueOf(Math.max(quantity, 1)));
            row.put("count", quantity);
            row.put("value", money.format(ReturnRules.valueOf(facts.order(), id, Math.max(0, quantity))));
            row.put("reasons", reasonsFor(item));
            Long reason = draft.reasons().get(id);
            ReturnRequest.Reason rules = reason == null ? null : facts.reasons().get(reason);
            row.put("reason", reason == null ? "" : String.valueOf(reason));
            row.put("reasonLabel", facts.reasonList().stream().filter(r -> r.id() == (reason == null ? -1 : reason))
                    .map(ReturnFacts.ReasonChoice::label).findFirst().orElse(null));
            // follow-up questions are asked once a reason is chosen, and only those it needs
            row.put("followUps", rules != null);
            row.put("commentOptional", rules == null || rules.commentOptional());
            row.put("needsPhotos", rules != null && rules.requiresPhotos());
            row.put("comment", draft.comments().getOrDefault(id, ""));
            row.put("variants", item.exchangeVariants());
            row.put("chosenVariant", draft.variants().get(id));
            row.put("photos", draft.photos().stream().filter(p -> p.orderItemId() == id)
                    .map(p -> Map.of("id", String.valueOf(p.id()), "name", p.fileName())).toList());
            for (String field : List.of("item", "qty", "reason", "comment", "photo", "variant")) {
                row.put(field + "Error", errors.get(field + "_" + id));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The reasons that fit this product, each with what it asks for next. */
    private List<Map<String, Object>> reasonsFor(OrderFacts.Item item) {
        return facts.reasonList().stream().filter(r -> r.rules().fit().fits(item))
                .map(r -> Map.<String, Object>of("id", String.valueOf(r.id()), "label", r.label(),
                        "photos", r.rules().requiresPhotos(), "comment", !r.rules().commentOptional()))
                .toList();
    }

    /** Each way to be paid back with what it comes to for the chosen items. */
    private List<Map<String, Object>> resolutions() {
        boolean exchangeable = draft.lines().stream().allMatch(l -> facts.order().items().stream()
                .anyMatch(i -> i.id() == l.orderItemId() && !i.exchangeVariants().isEmpty()));
        return facts.policy().resolutions().stream().sorted().map(resolution -> {
            ReturnDecision.Amounts a = quote(resolution, draft.method());
            Map<String, Object> option = amounts(a);
            option.put("code", code(resolution));
            option.put("available", resolution != ReturnPolicy.Resolution.EXCHANGE || exchangeable);
            return option;
        }).toList();
    }

    /** Each way to send the items back, with its fee for the chosen resolution. */
    private List<Map<String, Object>> methods() {
        return facts.policy().methods().stream().sorted().map(method -> {
            Map<String, Object> option = amounts(quote(draft.resolution(), method));
            option.put("code", code(method));
            return option;
        }).toList();
    }

    private void review(Map<String, Object> model, ReturnDecision decision) {
        ReturnDecision.Amounts a = decision.amounts();
        model.put("amounts", ReturnPages.amounts(a.currency(), a.itemsValue(), a.restockingFee(), a.shippingFee(), a.bonus(), a.total(),
                fmt.locale()));
        model.put("rules", decision.rules().stream().map(r -> r.rule().messageKey()).distinct().toList());
        model.put("needsReview", decision.needsReview());
        Map<Long, ReturnDecision.Line> lines = new HashMap<>();
        decision.lines().forEach(l -> lines.put(l.orderItemId(), l));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> chosen = (List<Map<String, Object>>) model.get("chosen");
        chosen.forEach(row -> {
            ReturnDecision.Line line = lines.get(Long.parseLong((String) row.get("id")));
            row.put("keep", line != null && line.keepItem());
            row.put("value", line == null ? null : money.format(line.value()));
        });
    }

    private ReturnDecision.Amounts quote(ReturnPolicy.Resolution resolution, ReturnPolicy.Method method) {
        List<ReturnRequest.Line> lines = draft.lines().stream().map(l -> new ReturnRequest.Line(l.orderItemId(), Math.max(0, l.quantity()),
                l.reasonId() == null ? null : facts.reasons().get(l.reasonId()), l.comment(), 0, l.exchangeVariant())).toList();
        return ReturnRules.quote(facts.policy(), facts.order(), new ReturnRequest(lines, resolution, method));
    }

    private Map<String, Object> amounts(ReturnDecision.Amounts a) {
        Map<String, Object> m = new HashMap<>();
        m.put("total", money.format(a.total()));
        m.put("bonus", a.bonus().signum() > 0 ? money.format(a.bonus()) : null);
        m.put("restocking", a.restockingFee().signum() > 0 ? money.format(a.restockingFee()) : null);
        m.put("shipping", a.shippingFee().signum() > 0 ? money.format(a.shippingFee()) : null);
        m.put("items", money.format(a.itemsValue()));
        BigDecimal fees = a.restockingFee().add(a.shippingFee());
        m.put("fees", fees.signum() > 0 ? money.format(fees) : null);
        return m;
    }

    /** The summary's entries, in the order of the page: the items' fields in item order, then the rest. */
    private List<Error> errorList(Map<String, Message> errors) {
        Map<String, Error> ordered = new LinkedHashMap<>();
        for (ReturnFacts.Shown shown : facts.shown()) {
            for (String field : List.of("item", "qty", "reason", "comment", "photo", "variant")) {
                String name = field + "_" + shown.id();
                if (errors.containsKey(name)) {
                    ordered.put(name, new Error(anchor(name, shown.id()), errors.get(name)));
                }
            }
        }
        errors.forEach((name, message) -> ordered.putIfAbsent(name, new Error(anchor(name, null), message)));
        return List.copyOf(ordered.values());
    }

    /** The id of the control an error's link focuses: the first radio of a group, the card's checkbox for an item. */
    private String anchor(String field, Long item) {
        if (item == null) {
            return switch (field) {
                case "items" -> facts.shown().isEmpty() ? "main" : "pick_" + facts.shown().get(0).id();
                case "resolution" -> "resolution-" + facts.policy().resolutions().stream().sorted().findFirst().map(ReturnWizardPage::code).orElse("");
                case "method" -> "method-" + facts.policy().methods().stream().sorted().findFirst().map(ReturnWizardPage::code).orElse("");
                default -> "main";
            };
        }
        if (field.startsWith("item_")) {
            return "pick_" + item;
        }
        if (field.startsWith("reason_")) {
            OrderFacts.Item it = facts.order().items().stream().filter(i -> i.id() == item).findFirst().orElse(null);
            List<Map<String, Object>> fitting = it == null ? List.of() : reasonsFor(it);
            return fitting.isEmpty() ? "main" : "reason_" + item + "_" + fitting.get(0).get("id");
        }
        return field;
    }

    private static String code(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
    }
}
