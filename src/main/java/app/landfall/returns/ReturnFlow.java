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

    /** Where a request is: the store's site, the order its link names, and the flow's own path. */
    record At(Merchants.Site site, long orderId, String self) {
    }

    /** GET …/returns/o/{link}: the first step, items. */
    public void choose(Context ctx) {
        Optional<At> at = at(ctx);
        if (at.isEmpty()) {
            return;
        }
        facts(ctx, at.get()).ifPresent(facts -> page(ctx, at.get(), facts, ReturnStep.ITEMS, ReturnDraft.fresh(), Map.of(), false, 200));
    }

    /**
     * POST …/returns/o/{link}: {@code at} names the step whose answers came, {@code go} where to go:
     * next (the default; the step's answers are checked first), back, a step's name (the review's
     * Change buttons; {@code then=review} brings the shopper back to the review after it), refresh
     * (the same step again, e.g. to show a reason's follow-up questions), or submit.
     */
    public void proceed(Context ctx) {
        Csrf.verify(ctx);
        Optional<At> at = at(ctx);
        if (at.isEmpty()) {
            return;
        }
        ReturnStep from = Optional.ofNullable(ReturnStep.of(ctx.formParam("at"))).orElse(ReturnStep.ITEMS);
        ReturnDraft parsed = ReturnDraft.parse(ctx.formParamMap(), from);
        String go = Optional.ofNullable(ctx.formParam("go")).orElse("next");
        boolean then = "review".equals(ctx.formParam("then"));
        long merchantId = at.get().site().merchant().id();
        long orderId = at.get().orderId();
        if ("submit".equals(go)) {
            submit(ctx, at.get(), parsed.withPhotos(uploads.list(merchantId, orderId, parsed.key())));
            return;
        }
        if ("back".equals(go) && from.previous() == null) {
            ctx.redirect(at.get().site().path("/returns"), HttpStatus.SEE_OTHER);
            return;
        }
        facts(ctx, at.get()).ifPresent(facts -> {
            Map<String, ReturnWizardPage.Message> photoProblems = new HashMap<>();
            ReturnDraft draft = parsed.withPhotos(from == ReturnStep.REASON
                    ? takePhotos(ctx, merchantId, orderId, facts, parsed.key(), photoProblems)
                    : uploads.list(merchantId, orderId, parsed.key()));
            ReturnStep jump = "refresh".equals(go) ? from : "back".equals(go) ? from.previous() : ReturnStep.of(go);
            if (jump != null) {
                // going back or changing an answer checks nothing: the step is checked when left forwards
                page(ctx, at.get(), facts, jump, draft, photoProblems, then || (from == ReturnStep.REVIEW && jump != from), 200);
                return;
            }
            ReturnDecision decision = decide(facts, draft);
            Map<String, ReturnWizardPage.Message> errors = new LinkedHashMap<>(photoProblems);
            boolean followUpsPending = false;
            for (ReturnDecision.Problem p : decision.problems()) {
                String field = fieldName(p.field(), draft);
                if (ReturnStep.asking(field).ordinal() > from.ordinal()) {
                    continue; // asked on a later step
                }
                if (from == ReturnStep.REASON && isFollowUp(field, draft)) {
                    followUpsPending = true; // the comment or photos were not on screen yet: ask, don't scold
                    continue;
                }
                errors.putIfAbsent(field, new ReturnWizardPage.Message(p.message(), p.args()));
            }
            if (!errors.isEmpty()) {
                page(ctx, at.get(), facts, from, draft, errors, then, 422);
            } else if (followUpsPending) {
                page(ctx, at.get(), facts, from, draft, Map.of(), then, 200);
            } else if (then && decision.ok()) {
                page(ctx, at.get(), facts, ReturnStep.REVIEW, draft, Map.of(), false, 200);
            } else {
                page(ctx, at.get(), facts, from.next(), draft, Map.of(), then, 200);
            }
        });
    }

    /** A comment or photo problem for an item whose reason's follow-up questions were not on screen yet. */
    private static boolean isFollowUp(String field, ReturnDraft draft) {
        if (!field.startsWith("comment_") && !field.startsWith("photo_")) {
            return false;
        }
        long item = Long.parseLong(field.substring(field.indexOf('_') + 1));
        Long reason = draft.reasons().get(item);
        return reason != null && !reason.equals(draft.asked().get(item));
    }

    private void submit(Context ctx, At at, ReturnDraft draft) {
        long merchantId = at.site().merchant().id();
        Optional<ReturnSubmissions.Result> result = submissions.submit(merchantId, at.orderId(), draft.submission());
        if (result.isEmpty()) {
            expired(ctx, at.site());
        } else if (result.get().ok()) {
            ctx.redirect("/r/" + result.get().created().publicToken(), HttpStatus.SEE_OTHER);
        } else {
            // something changed since the review (an item returned in another tab, a reason withdrawn):
            // the first step with a problem is shown again, with its message
            Map<String, ReturnWizardPage.Message> errors = new LinkedHashMap<>();
            result.get().decision().problems().forEach(p ->
                    errors.putIfAbsent(fieldName(p.field(), draft), new ReturnWizardPage.Message(p.message(), p.args())));
            ReturnStep first = errors.keySet().stream().map(ReturnStep::asking).min(Enum::compareTo).orElse(ReturnStep.ITEMS);
            Map<String, ReturnWizardPage.Message> shown = new LinkedHashMap<>();
            errors.forEach((field, message) -> {
                if (ReturnStep.asking(field) == first) {
                    shown.put(field, message);
                }
            });
            facts(ctx, at).ifPresent(facts -> page(ctx, at, facts, first, draft, shown, true, 422));
        }
    }

    /**
     * Keeps the photos that came with the form (after {@link ShopperPhotos} checked and redrew
     * them) and drops the ones the shopper took away; what was refused goes into {@code problems},
     * per item. Returns the photos the form now has.
     */
    private List<ReturnPhotoUploads.Staged> takePhotos(Context ctx, long merchantId, long orderId, ReturnFacts.Loaded facts, String key,
            Map<String, ReturnWizardPage.Message> problems) {
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
                    problems.putIfAbsent("photo_" + item.id(), ReturnWizardPage.Message.of("return.problem.too_many_photos", ReturnRules.MAX_PHOTOS));
                    break;
                }
                ShopperPhotos.Checked checked = check(file);
                if (checked.photo() == null) {
                    problems.putIfAbsent("photo_" + item.id(), ReturnWizardPage.Message.of(checked.problem(), ReturnRules.MAX_PHOTOS,
                            ShopperPhotos.MAX_BYTES / 1_000_000));
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

    private ReturnDecision decide(ReturnFacts.Loaded facts, ReturnDraft draft) {
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

    private void page(Context ctx, At at, ReturnFacts.Loaded facts, ReturnStep step, ReturnDraft draft,
            Map<String, ReturnWizardPage.Message> errors, boolean thenReview, int status) {
        Brand brand = brands.forPage(at.site().merchant().id(), facts.brandId(), at.site().merchant().displayName());
        String lang = PageLanguage.of(ctx, brand);
        Locale locale = Locale.forLanguageTag(lang);
        LocalDate today = now().atZoneSameInstant(facts.zone()).toLocalDate();
        ReturnDecision decision = step == ReturnStep.REVIEW ? decide(facts, draft) : null;
        if (decision != null && !decision.ok()) {
            // a review is only shown for answers that hold; anything else goes back to where it is asked
            Map<String, ReturnWizardPage.Message> problems = new LinkedHashMap<>();
            decision.problems().forEach(p -> problems.putIfAbsent(fieldName(p.field(), draft), new ReturnWizardPage.Message(p.message(), p.args())));
            ReturnStep first = problems.keySet().stream().map(ReturnStep::asking).min(Enum::compareTo).orElse(ReturnStep.ITEMS);
            problems.keySet().removeIf(f -> ReturnStep.asking(f) != first);
            page(ctx, at, facts, first, draft, problems, true, 422);
            return;
        }
        Map<String, Object> model = new ReturnWizardPage(facts, draft, new LocalFormat(locale, today), today, imageSrc)
                .model(step, errors, decision);
        model.put("page", BrandedPage.of(brand, lang, at.self(), null));
        model.put("self", at.self());
        model.put("csrf", Csrf.token(ctx));
        model.put("then", thenReview && step != ReturnStep.REVIEW ? "review" : null);
        model.put("startUrl", at.site().path("/returns"));
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.status(status).contentType("text/html; charset=utf-8").result(templates.render(step.view(), model, locale));
    }

    /** The form field a problem belongs to: items[2].reason → reason_<id of the third line>. */
    private static String fieldName(String field, ReturnDraft draft) {
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
