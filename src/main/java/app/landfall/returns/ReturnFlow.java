package app.landfall.returns;


import app.landfall.auth.SignedLinks;
import app.landfall.auth.Tokens;
import app.landfall.branding.Brand;
import app.landfall.branding.BrandedPage;
import app.landfall.branding.Brands;
import app.landfall.branding.PageLanguage;
import app.landfall.i18n.LocalFormat;
import app.landfall.merchants.Merchants;
import app.landfall.web.Csrf;
import app.landfall.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;

/**
 * The shopper's way through a return, behind the signed link of one order: choose items, reasons
 * and how to be paid back and send them ({@code choose}); see what it comes to ({@code review});
 * submit. Each step is a plain form that works without JavaScript, and the whole state travels in
 * the form, so a back button or a second tab never confuses the server; the policy engine checks
 * every step, and the submit is idempotent (the form's random key).
 */
public final class ReturnFlow {
    /** What the signed links into the flow are signed for (made by the returns start page and tracking pages). */
    public static final String PURPOSE = "return_flow";

    private final Merchants merchants;
    private final SignedLinks links;
    private final DSLContext dsl;
    private final ReturnSubmissions submissions;
    private final Brands brands;
    private final Templates templates;
    private final Clock clock;
    private final UnaryOperator<String> imageSrc;
    private final ReturnPhotoUploads uploads;

    public ReturnFlow(Merchants merchants, SignedLinks links, DSLContext dsl, ReturnSubmissions submissions, ReturnPhotoUploads uploads,
            Brands brands, Templates templates, Clock clock, UnaryOperator<String> imageSrc) {
        this.uploads = uploads;
        this.merchants = merchants;
        this.links = links;
        this.dsl = dsl;
        this.submissions = submissions;
        this.brands = brands;
        this.templates = templates;
        this.clock = clock;
        this.imageSrc = imageSrc;
    }

    /** What the shopper has chosen so far; empty at the start. */
    record Draft(String key, Map<Long, Integer> quantities, Map<Long, Long> reasons, Map<Long, String> comments,
            Map<Long, String> variants, ReturnPolicy.Resolution resolution, ReturnPolicy.Method method,
            List<ReturnPhotoUploads.Staged> photos) {

        static Draft fresh() {
            return new Draft(Tokens.newToken().substring(0, 32), Map.of(), Map.of(), Map.of(), Map.of(), null, null, List.of());
        }

        Draft withPhotos(List<ReturnPhotoUploads.Staged> staged) {
            return new Draft(key, quantities, reasons, comments, variants, resolution, method, List.copyOf(staged));
        }

        int photoCount(long item) {
            return (int) photos.stream().filter(p -> p.orderItemId() == item).count();
        }

        List<ReturnSubmissions.Line> lines() {
            List<ReturnSubmissions.Line> lines = new ArrayList<>();
            quantities.forEach((item, quantity) -> {
                if (quantity != 0) {
                    lines.add(new ReturnSubmissions.Line(item, quantity, reasons.get(item), comments.get(item), List.of(),
                            resolution == ReturnPolicy.Resolution.EXCHANGE ? variants.get(item) : null));
                }
            });
            return lines;
        }

        ReturnSubmissions.Submission submission() {
            return new ReturnSubmissions.Submission(key, lines(), resolution, method, null);
        }
    }

    /** Where a request is: the store's site, the order its link names, and the flow's own path. */
    record At(Merchants.Site site, long orderId, String self) {
    }

    /** GET …/returns/o/{link} */
    public void choose(Context ctx) {
        Optional<At> at = at(ctx);
        if (at.isEmpty()) {
            return;
        }
        facts(ctx, at.get()).ifPresent(facts -> render(ctx, at.get(), facts, "returns/choose", Draft.fresh(), null, Map.of(), 200));
    }

    /** POST …/returns/o/{link}: step=review, edit or submit. */
    public void proceed(Context ctx) {
        Csrf.verify(ctx);
        Optional<At> at = at(ctx);
        if (at.isEmpty()) {
            return;
        }
        Draft parsed = parse(ctx);
        String step = ctx.formParam("step");
        long merchantId = at.get().site().merchant().id();
        if ("edit".equals(step)) {
            Draft draft = parsed.withPhotos(uploads.list(merchantId, at.get().orderId(), parsed.key()));
            facts(ctx, at.get()).ifPresent(facts -> render(ctx, at.get(), facts, "returns/choose", draft, null, Map.of(), 200));
            return;
        }
        if ("submit".equals(step)) {
            Draft draft = parsed;
            Optional<ReturnSubmissions.Result> result = submissions.submit(merchantId, at.get().orderId(), draft.submission());
            if (result.isEmpty()) {
                expired(ctx, at.get().site());
            } else if (result.get().ok()) {
                ctx.redirect("/r/" + result.get().created().publicToken(), HttpStatus.SEE_OTHER);
            } else {
                ReturnDecision refused = result.get().decision();
                Draft shown = draft.withPhotos(uploads.list(merchantId, at.get().orderId(), draft.key()));
                facts(ctx, at.get()).ifPresent(facts -> render(ctx, at.get(), facts, "returns/choose", shown, refused, Map.of(), 422));
            }
            return;
        }
        facts(ctx, at.get()).ifPresent(facts -> {
            Map<String, String> photoProblems = new HashMap<>();
            Draft draft = parsed.withPhotos(takePhotos(ctx, merchantId, at.get().orderId(), facts, parsed.key(), photoProblems));
            ReturnDecision decision = decide(facts, draft);
            boolean ok = decision.ok() && photoProblems.isEmpty();
            render(ctx, at.get(), facts, ok ? "returns/review" : "returns/choose", draft, decision, photoProblems, ok ? 200 : 422);
        });
    }

    /**
     * Keeps the photos that came with the form (after {@link ShopperPhotos} checked and redrew
     * them) and drops the ones the shopper took away; what was refused goes into {@code problems},
     * per item. Returns the photos the form now has.
     */
    private List<ReturnPhotoUploads.Staged> takePhotos(Context ctx, long merchantId, long orderId, ReturnFacts.Loaded facts, String key,
            Map<String, String> problems) {
        for (String drop : ctx.formParams("drop_photo")) {
            if (drop.matches("\\d{1,18}")) {
                uploads.remove(merchantId, orderId, key, Long.parseLong(drop));
            }
        }
        List<ReturnPhotoUploads.Staged> staged = new ArrayList<>(uploads.list(merchantId, orderId, key));
        Map<String, List<UploadedFile>> files = ctx.isMultipartFormData() ? ctx.uploadedFileMap() : Map.of();
        if (files.isEmpty()) {
            return staged;
        }
        Map<Long, Integer> already = new HashMap<>();
        staged.forEach(p -> already.merge(p.orderItemId(), 1, Integer::sum));
        for (OrderFacts.Item item : facts.order().items()) {
            List<UploadedFile> sent = files.getOrDefault("photo_" + item.id(), List.of()).stream()
                    .filter(f -> f.size() > 0 || (f.filename() != null && !f.filename().isEmpty())).toList();
            int count = already.getOrDefault(item.id(), 0);
            for (UploadedFile file : sent) {
                if (count >= ReturnRules.MAX_PHOTOS) {
                    problems.putIfAbsent("photo_" + item.id(), "return.problem.too_many_photos");
                    break;
                }
                ShopperPhotos.Checked checked = check(file);
                if (checked.photo() == null) {
                    problems.putIfAbsent("photo_" + item.id(), checked.problem());
                    continue;
                }
                staged.add(uploads.add(merchantId, orderId, key, item.id(), file.filename(), checked.photo()));
                count++;
            }
        }
        return staged;
    }

    private static ShopperPhotos.Checked check(UploadedFile file) {
        if (file.size() > ShopperPhotos.MAX_BYTES) {
            return new ShopperPhotos.Checked(null, "return.photo.too_large");
        }
        try (var in = file.content()) {
            return ShopperPhotos.check(in.readNBytes(ShopperPhotos.MAX_BYTES + 1));
        } catch (java.io.IOException e) {
            return new ShopperPhotos.Checked(null, "return.photo.not_an_image");
        }
    }

    /** The order's facts as they are now; if the order is gone, the shopper is sent back to the start. */
    private Optional<ReturnFacts.Loaded> facts(Context ctx, At at) {
        Optional<ReturnFacts.Loaded> facts = ReturnFacts.load(dsl, at.site().merchant().id(), at.orderId(), false, now());
        if (facts.isEmpty()) {
            expired(ctx, at.site());
        }
        return facts;
    }

    private ReturnDecision decide(ReturnFacts.Loaded facts, Draft draft) {
        List<ReturnRequest.Line> lines = draft.lines().stream().map(l -> new ReturnRequest.Line(l.orderItemId(), l.quantity(),
                l.reasonId() == null ? null : facts.reasons().get(l.reasonId()), l.comment(), draft.photoCount(l.orderItemId()),
                l.exchangeVariant())).toList();
        LocalDate today = now().atZoneSameInstant(facts.zone()).toLocalDate();
        return ReturnRules.decide(facts.policy(), facts.order(), new ReturnRequest(lines, draft.resolution(), draft.method()), today);
    }

    private Optional<At> at(Context ctx) {
        Optional<Merchants.Site> site = merchants.site(ctx);
        Optional<Long> orderId = site.flatMap(s -> links.verify(PURPOSE, s.merchant().id(), ctx.pathParam("link")));
        if (orderId.isEmpty()) {
            if (site.isPresent()) {
                expired(ctx, site.get());
            } else {
                throw new io.javalin.http.NotFoundResponse(); // the shared, branded error page
            }
            return Optional.empty();
        }
        return Optional.of(new At(site.get(), orderId.get(), site.get().path("/returns/o/" + ctx.pathParam("link"))));
    }

    private static Draft parse(Context ctx) {
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        Map<Long, Long> reasons = new HashMap<>();
        Map<Long, String> comments = new HashMap<>();
        Map<Long, String> variants = new HashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            String value = values.isEmpty() ? "" : values.get(0);
            int underscore = name.indexOf('_');
            if (underscore < 0 || !name.substring(underscore + 1).matches("\\d{1,18}")) {
                return;
            }
            long item = Long.parseLong(name.substring(underscore + 1));
            switch (name.substring(0, underscore)) {
                // a negative or absurd number is kept as typed: the policy engine answers it in words
                case "qty" -> quantities.put(item, value.matches("-?\\d{1,6}") ? Integer.parseInt(value) : -1);
                case "reason" -> {
                    if (value.matches("\\d{1,18}")) {
                        reasons.put(item, Long.parseLong(value));
                    }
                }
                case "comment" -> comments.put(item, value.length() > 5_000 ? value.substring(0, 5_000) : value);
                case "variant" -> variants.put(item, value.isBlank() ? null : value);
                default -> { }
            }
        });
        String key = ctx.formParam("key");
        return new Draft(key != null && key.matches("[A-Za-z0-9_-]{16,64}") ? key : Tokens.newToken().substring(0, 32),
                quantities, reasons, comments, variants, enumOf(ReturnPolicy.Resolution.class, ctx.formParam("resolution")),
                enumOf(ReturnPolicy.Method.class, ctx.formParam("method")), List.of());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        return null;
    }

    private void render(Context ctx, At at, ReturnFacts.Loaded facts, String view, Draft draft, ReturnDecision decision,
            Map<String, String> photoProblems, int status) {
        long merchantId = at.site().merchant().id();
        Brand brand = brands.forPage(merchantId, facts.brandId(), at.site().merchant().displayName());
        String lang = PageLanguage.of(ctx, brand);
        Locale locale = Locale.forLanguageTag(lang);
        LocalDate today = now().atZoneSameInstant(facts.zone()).toLocalDate();
        LocalFormat fmt = new LocalFormat(locale, today);

        Map<String, String> errors = new HashMap<>(photoProblems);
        if (decision != null) {
            for (ReturnDecision.Problem p : decision.problems()) {
                errors.putIfAbsent(fieldName(p.field(), draft), p.message());
            }
        }
        Map<Long, ReturnRules.Eligibility> eligibility = new HashMap<>();
        ReturnRules.eligibility(facts.policy(), facts.order(), today).forEach(e -> eligibility.put(e.orderItemId(), e));
        Map<Long, OrderFacts.Item> factsById = new HashMap<>();
        facts.order().items().forEach(i -> factsById.put(i.id(), i));
        List<Map<String, Object>> reasons = facts.reasonList().stream()
                .map(r -> Map.<String, Object>of("id", String.valueOf(r.id()), "label", r.label(),
                        "photos", facts.reasons().get(r.id()).requiresPhotos())).toList();
        Map<Long, String> reasonLabels = new HashMap<>();
        facts.reasonList().forEach(r -> reasonLabels.put(r.id(), r.label()));

        List<Map<String, Object>> rows = new ArrayList<>();
        facts.shown().forEach(r -> {
                    long id = r.id();
                    ReturnRules.Eligibility e = eligibility.get(id);
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", String.valueOf(id));
                    row.put("title", r.title());
                    row.put("variant", r.variant());
                    row.put("image", imageSrc.apply(r.imageUrl()));
                    row.put("eligible", e.eligible());
                    row.put("why", e.eligible() ? null : e.rule().messageKey());
                    row.put("lastDay", e.lastDay() == null ? null : fmt.day(e.lastDay()));
                    List<String> quantities = new ArrayList<>();
                    for (int q = 0; q <= e.returnableQuantity(); q++) {
                        quantities.add(String.valueOf(q));
                    }
                    row.put("quantities", quantities);
                    row.put("qty", String.valueOf(draft.quantities().getOrDefault(id, 0)));
                    row.put("count", draft.quantities().getOrDefault(id, 0));
                    Long reason = draft.reasons().get(id);
                    row.put("reason", reason == null ? "" : String.valueOf(reason));
                    row.put("reasonLabel", reason == null ? null : reasonLabels.get(reason));
                    row.put("comment", draft.comments().getOrDefault(id, ""));
                    row.put("variants", factsById.get(id).exchangeVariants());
                    row.put("chosenVariant", draft.variants().get(id));
                    row.put("qtyError", errors.get("qty_" + id));
                    row.put("reasonError", errors.get("reason_" + id));
                    row.put("commentError", errors.get("comment_" + id));
                    row.put("variantError", errors.get("variant_" + id));
                    row.put("itemError", errors.get("item_" + id));
                    row.put("photoError", errors.get("photo_" + id));
                    row.put("photos", draft.photos().stream().filter(p -> p.orderItemId() == id)
                            .map(p -> Map.of("id", String.valueOf(p.id()), "name", p.fileName())).toList());
                    row.put("selected", draft.quantities().getOrDefault(id, 0) > 0);
                    rows.add(row);
                });

        Map<String, Object> model = new HashMap<>();
        model.put("page", BrandedPage.of(brand, lang, at.self(), null));
        model.put("self", at.self());
        model.put("rows", rows);
        model.put("reasons", reasons);
        model.put("resolutions", facts.policy().resolutions().stream().sorted().map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
        model.put("methods", facts.policy().methods().stream().sorted().map(m -> m.name().toLowerCase(Locale.ROOT)).toList());
        model.put("resolution", draft.resolution() == null ? "" : draft.resolution().name().toLowerCase(Locale.ROOT));
        model.put("method", draft.method() == null ? "" : draft.method().name().toLowerCase(Locale.ROOT));
        model.put("key", draft.key());
        model.put("errors", errors);
        model.put("csrf", Csrf.token(ctx));
        model.put("anyEligible", eligibility.values().stream().anyMatch(ReturnRules.Eligibility::eligible));
        if (decision != null && decision.ok()) {
            ReturnDecision.Amounts a = decision.amounts();
            model.put("amounts", ReturnPages.amounts(a.currency(), a.itemsValue(), a.restockingFee(), a.shippingFee(), a.bonus(),
                    a.total(), locale));
            model.put("rules", decision.rules().stream().map(r -> r.rule().messageKey()).distinct().toList());
            model.put("needsReview", decision.needsReview());
            Map<Long, Boolean> keep = new HashMap<>();
            decision.lines().forEach(l -> keep.put(l.orderItemId(), l.keepItem()));
            rows.forEach(row -> row.put("keep", keep.getOrDefault(Long.parseLong((String) row.get("id")), false)));
        }
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.status(status).contentType("text/html; charset=utf-8").result(templates.render(view, model, locale));
    }

    /** The form field a problem belongs to: items[2].reason → reason_<id of the third line>. */
    private static String fieldName(String field, Draft draft) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("items\\[(\\d+)](?:\\.(\\w+))?").matcher(field);
        if (!m.matches()) {
            return field;
        }
        List<ReturnSubmissions.Line> lines = draft.lines();
        int index = Integer.parseInt(m.group(1));
        if (index >= lines.size()) {
            return field;
        }
        long item = lines.get(index).orderItemId();
        String part = m.group(2);
        if (part == null) {
            return "item_" + item;
        }
        return switch (part) {
            case "quantity" -> "qty_" + item;
            case "exchange_variant" -> "variant_" + item;
            case "photos" -> "photo_" + item;
            default -> part + "_" + item;
        };
    }

    private void expired(Context ctx, Merchants.Site site) {
        ctx.redirect(site.path("/returns") + "?expired", HttpStatus.SEE_OTHER);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

}
