package app.landfall.returns;

import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.RETURN_WINDOW_OVERRIDES;

import app.landfall.audit.AuditTrail;
import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminWords;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.web.ClientAddress;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Returns settings, first part: the reasons shoppers choose from (add, rename, reorder, disable,
 * require a comment, photos or a person's review; sub-reasons under a reason) and the ways a return
 * may travel. A disabled reason stays on the returns that used it and leaves the shopper's list.
 */
public final class ReturnSettings {
    static final List<String> METHODS = List.of("qr_dropoff", "printable_label", "in_store");
    private final DSLContext dsl;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;
    private final StoreLocationsSettings locations;

    ReturnSettings(DSLContext dsl, AuditTrail audit, ClientAddress clientAddress) {
        this.dsl = dsl;
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.locations = new StoreLocationsSettings(dsl, audit, clientAddress);
    }

    /** POST /admin/settings/returns/locations */
    public void addLocation(Context ctx) {
        locations.add(ctx, (problems, status) -> render(ctx, AdminAccess.require(ctx, Role.ADMIN), Map.of("locationProblems", problems,
                "locationForm", ctx.formParamMap()), status));
    }

    /** POST /admin/settings/returns/locations/{id}/visibility */
    public void setLocationVisibility(Context ctx) {
        locations.setVisibility(ctx);
    }

    /** @param onlyTypes, onlyTags, onlySkus  which products it is offered for, comma-separated ("" for all) */
    public record Reason(long id, String code, String label, Long parentId, String parentLabel, boolean requiresComment,
            boolean requiresPhotos, boolean requiresReview, boolean active, String onlyTypes, String onlyTags, String onlySkus) {
        public boolean limited() {
            return !onlyTypes.isEmpty() || !onlyTags.isEmpty() || !onlySkus.isEmpty();
        }
    }

    /** GET /admin/settings/returns */
    public void show(Context ctx) {
        render(ctx, AdminAccess.require(ctx, Role.ADMIN), Map.of(), HttpStatus.OK);
    }

    /** POST /admin/settings/returns/policy: windows, resolutions, fees, review rules, keep-item threshold, return address. */
    public void savePolicy(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        PolicyForm form = PolicyForm.parse(ctx::formParam);
        if (!form.ok()) {
            render(ctx, user, Map.of("policyForm", form), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        String ip = clientAddress.of(ctx);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            long policy = ReturnPolicies.defaultFor(tx, user.merchantId());
            var before = tx.selectFrom(RETURN_POLICIES).where(RETURN_POLICIES.MERCHANT_ID.eq(user.merchantId()))
                    .and(RETURN_POLICIES.ID.eq(policy)).fetchOne();
            ReturnPolicies.save(tx, user.merchantId(), policy, form);
            Map<String, Object> details = new java.util.LinkedHashMap<>(form.raw());
            details.put("changes", changes(before == null ? Map.of() : PolicyForm.parse(fields(before)).raw(), form.raw()));
            audit.record(tx, user, ip, "return_policy.changed", "return_policy", policy, details);
        });
        redirect(ctx, "The return policy is saved: it applies to returns started from now on.");
    }

    /** POST /admin/settings/returns/overrides: another window for a product tag or SKU. */
    public void addOverride(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        String kind = String.valueOf(ctx.formParam("kind"));
        String value = Optional.ofNullable(ctx.formParam("value")).orElse("").strip();
        String days = Optional.ofNullable(ctx.formParam("days")).orElse("").strip();
        if (!List.of("tag", "sku").contains(kind) || value.isEmpty() || value.length() > 100 || !days.matches("\\d{1,3}")
                || Integer.parseInt(days) > 730) {
            render(ctx, user, Map.of("overrideError", "Choose tag or SKU, name it (up to 100 characters) and give its window in days (0 to 730)."),
                    HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        String ip = clientAddress.of(ctx);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            long policy = ReturnPolicies.defaultFor(tx, user.merchantId());
            var O = RETURN_WINDOW_OVERRIDES;
            tx.insertInto(O).set(O.MERCHANT_ID, user.merchantId()).set(O.POLICY_ID, policy).set(O.KIND, kind).set(O.VALUE, value)
                    .set(O.WINDOW_DAYS, Integer.parseInt(days))
                    .onConflict(O.MERCHANT_ID, O.POLICY_ID, O.KIND, O.VALUE).doUpdate().set(O.WINDOW_DAYS, Integer.parseInt(days)).execute();
            audit.record(tx, user, ip, "return_policy.override_set", "return_policy", policy,
                    Map.of("kind", kind, "value", value, "days", days));
        });
        redirect(ctx, (kind.equals("sku") ? "SKU " : "Tag ") + value + ": " + days + " days.");
    }

    /** POST /admin/settings/returns/overrides/{id}/removal */
    public void removeOverride(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        long id = AdminAccess.id(ctx.pathParam("id"));
        String ip = clientAddress.of(ctx);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            int removed = tx.deleteFrom(RETURN_WINDOW_OVERRIDES).where(RETURN_WINDOW_OVERRIDES.MERCHANT_ID.eq(user.merchantId()))
                    .and(RETURN_WINDOW_OVERRIDES.ID.eq(id)).execute();
            if (removed == 0) {
                throw AdminAccess.notFound();
            }
            audit.record(tx, user, ip, "return_policy.override_removed", "return_window_override", id, Map.of());
        });
        redirect(ctx, "The override is removed: those products follow the policy's window again.");
    }

    /** POST /admin/settings/returns/methods: {@code method} checkboxes. */
    public void saveMethods(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        Set<String> chosen = new LinkedHashSet<>(ctx.formParams("method"));
        chosen.retainAll(METHODS);
        if (chosen.isEmpty()) {
            render(ctx, user, Map.of("methodsError", "Keep at least one way to send a return back."), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        String ip = clientAddress.of(ctx);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            long policy = ReturnPolicies.defaultFor(tx, user.merchantId());
            ReturnPolicies.setMethods(tx, user.merchantId(), policy, List.copyOf(chosen));
            audit.record(tx, user, ip, "return_policy.methods_changed", "return_policy", policy, Map.of("methods", List.copyOf(chosen)));
        });
        redirect(ctx, "Saved: shoppers can now choose " + String.join(", ", chosen.stream().map(AdminWords::words).toList()) + ".");
    }

    /** POST /admin/settings/returns/reasons: a new reason (or sub-reason, with {@code parent}). */
    public void addReason(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        String label = Optional.ofNullable(ctx.formParam("label")).orElse("").strip();
        if (label.isEmpty() || label.length() > 200) {
            render(ctx, user, Map.of("reasonError", "Name the reason as shoppers will read it (up to 200 characters)."),
                    HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        Long parent = parent(ctx.formParam("parent"));
        String ip = clientAddress.of(ctx);
        String outcome = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (parent != null && !tx.fetchExists(RETURN_REASONS, RETURN_REASONS.MERCHANT_ID.eq(user.merchantId())
                    .and(RETURN_REASONS.ID.eq(parent)).and(RETURN_REASONS.PARENT_ID.isNull()))) {
                return "Choose a reason from the list to put it under.";
            }
            String code = uniqueCode(tx, user.merchantId(), label);
            int position = tx.select(DSL.coalesce(DSL.max(RETURN_REASONS.POSITION), DSL.val(0))).from(RETURN_REASONS)
                    .where(RETURN_REASONS.MERCHANT_ID.eq(user.merchantId())).fetchSingle().value1() + 1;
            long id = tx.insertInto(RETURN_REASONS).set(RETURN_REASONS.MERCHANT_ID, user.merchantId()).set(RETURN_REASONS.CODE, code)
                    .set(RETURN_REASONS.LABEL, label).set(RETURN_REASONS.PARENT_ID, parent).set(RETURN_REASONS.POSITION, position)
                    .set(RETURN_REASONS.REQUIRES_COMMENT, ctx.formParam("requires_comment") != null)
                    .set(RETURN_REASONS.REQUIRES_PHOTOS, ctx.formParam("requires_photos") != null)
                    .set(RETURN_REASONS.REQUIRES_REVIEW, ctx.formParam("requires_review") != null)
                    .returning(RETURN_REASONS.ID).fetchSingle(RETURN_REASONS.ID);
            audit.record(tx, user, ip, "return_reason.added", "return_reason", id, Map.of("label", label));
            return null;
        });
        if (outcome != null) {
            render(ctx, user, Map.of("reasonError", outcome), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        redirect(ctx, "“" + label + "” is added.");
    }

    /** POST /admin/settings/returns/reasons/{id}: its label, what it requires, whether shoppers see it. */
    public void updateReason(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        long id = AdminAccess.id(ctx.pathParam("id"));
        String label = Optional.ofNullable(ctx.formParam("label")).orElse("").strip();
        if (label.isEmpty() || label.length() > 200) {
            mine(user.merchantId(), id);
            redirect(ctx, "A reason needs a name of 1 to 200 characters: nothing was changed.");
            return;
        }
        List<String> types = ReasonFit.parseList(ctx.formParam("only_product_types"));
        List<String> tags = ReasonFit.parseList(ctx.formParam("only_tags"));
        List<String> skus = ReasonFit.parseList(ctx.formParam("only_skus"));
        if (java.util.stream.Stream.of(types, tags, skus).anyMatch(l -> l.size() > 100 || l.stream().anyMatch(v -> v.length() > 100))) {
            mine(user.merchantId(), id);
            redirect(ctx, "“Only for” takes up to 100 product types, tags or SKUs of up to 100 characters each, "
                    + "separated by commas: nothing was changed.");
            return;
        }
        String ip = clientAddress.of(ctx);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            int changed = tx.update(RETURN_REASONS).set(RETURN_REASONS.LABEL, label)
                    .set(RETURN_REASONS.ONLY_PRODUCT_TYPES, types.toArray(String[]::new))
                    .set(RETURN_REASONS.ONLY_TAGS, tags.toArray(String[]::new))
                    .set(RETURN_REASONS.ONLY_SKUS, skus.toArray(String[]::new))
                    .set(RETURN_REASONS.REQUIRES_COMMENT, ctx.formParam("requires_comment") != null)
                    .set(RETURN_REASONS.REQUIRES_PHOTOS, ctx.formParam("requires_photos") != null)
                    .set(RETURN_REASONS.REQUIRES_REVIEW, ctx.formParam("requires_review") != null)
                    .set(RETURN_REASONS.ACTIVE, ctx.formParam("active") != null)
                    .where(RETURN_REASONS.MERCHANT_ID.eq(user.merchantId())).and(RETURN_REASONS.ID.eq(id)).execute();
            if (changed == 0) {
                throw AdminAccess.notFound();
            }
            audit.record(tx, user, ip, "return_reason.changed", "return_reason", id, Map.of("label", label,
                    "active", ctx.formParam("active") != null, "only_product_types", types, "only_tags", tags, "only_skus", skus));
        });
        redirect(ctx, "“" + label + "” is saved.");
    }

    /** POST /admin/settings/returns/reasons/{id}/move: {@code direction} up or down among its siblings. */
    public void moveReason(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        long id = AdminAccess.id(ctx.pathParam("id"));
        boolean up = "up".equals(ctx.formParam("direction"));
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            var me = tx.selectFrom(RETURN_REASONS).where(RETURN_REASONS.MERCHANT_ID.eq(user.merchantId())).and(RETURN_REASONS.ID.eq(id))
                    .forUpdate().fetchOne();
            if (me == null) {
                throw AdminAccess.notFound();
            }
            // siblings in their order; the moved one swaps places with its neighbour, and all are renumbered
            List<Long> order = new ArrayList<>(tx.select(RETURN_REASONS.ID).from(RETURN_REASONS)
                    .where(RETURN_REASONS.MERCHANT_ID.eq(user.merchantId()))
                    .and(me.getParentId() == null ? RETURN_REASONS.PARENT_ID.isNull() : RETURN_REASONS.PARENT_ID.eq(me.getParentId()))
                    .orderBy(RETURN_REASONS.POSITION, RETURN_REASONS.ID).forUpdate().fetch(RETURN_REASONS.ID));
            int at = order.indexOf(id);
            int to = up ? at - 1 : at + 1;
            if (to < 0 || to >= order.size()) {
                return;
            }
            order.set(at, order.get(to));
            order.set(to, id);
            for (int i = 0; i < order.size(); i++) {
                tx.update(RETURN_REASONS).set(RETURN_REASONS.POSITION, (i + 1) * 10)
                        .where(RETURN_REASONS.MERCHANT_ID.eq(user.merchantId())).and(RETURN_REASONS.ID.eq(order.get(i))).execute();
            }
        });
        ctx.redirect("/admin/settings/returns#reasons", HttpStatus.SEE_OTHER);
    }

    private void mine(long merchantId, long id) {
        if (!dsl.fetchExists(RETURN_REASONS, RETURN_REASONS.MERCHANT_ID.eq(merchantId).and(RETURN_REASONS.ID.eq(id)))) {
            throw AdminAccess.notFound();
        }
    }

    private static Long parent(String raw) {
        return raw == null || !raw.matches("\\d{1,18}") ? null : Long.parseLong(raw);
    }

    /** "Arrived damaged" becomes arrived_damaged, or arrived_damaged_2 when that is taken. */
    static String uniqueCode(DSLContext tx, long merchantId, String label) {
        String base = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        base = base.isEmpty() ? "reason" : base.substring(0, Math.min(34, base.length()));
        String code = base;
        for (int n = 2; tx.fetchExists(RETURN_REASONS, RETURN_REASONS.MERCHANT_ID.eq(merchantId).and(RETURN_REASONS.CODE.eq(code))); n++) {
            code = base + "_" + n;
        }
        return code;
    }

    private void render(Context ctx, AdminUser user, Map<String, ?> extra, HttpStatus status) {
        var parent = RETURN_REASONS.as("parent");
        List<Reason> reasons = dsl.select(RETURN_REASONS.ID, RETURN_REASONS.CODE, RETURN_REASONS.LABEL, RETURN_REASONS.PARENT_ID,
                        parent.LABEL, RETURN_REASONS.REQUIRES_COMMENT, RETURN_REASONS.REQUIRES_PHOTOS, RETURN_REASONS.REQUIRES_REVIEW,
                        RETURN_REASONS.ACTIVE, RETURN_REASONS.ONLY_PRODUCT_TYPES, RETURN_REASONS.ONLY_TAGS, RETURN_REASONS.ONLY_SKUS)
                .from(RETURN_REASONS)
                .leftJoin(parent).on(parent.MERCHANT_ID.eq(RETURN_REASONS.MERCHANT_ID)).and(parent.ID.eq(RETURN_REASONS.PARENT_ID))
                .where(RETURN_REASONS.MERCHANT_ID.eq(user.merchantId()))
                // each reason followed by its sub-reasons
                .orderBy(DSL.coalesce(parent.POSITION, RETURN_REASONS.POSITION), DSL.coalesce(parent.ID, RETURN_REASONS.ID),
                        RETURN_REASONS.PARENT_ID.nullsFirst(), RETURN_REASONS.POSITION, RETURN_REASONS.ID)
                .fetch(r -> new Reason(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                        r.value9(), String.join(", ", r.value10()), String.join(", ", r.value11()), String.join(", ", r.value12())));
        String[] methods = dsl.select(RETURN_POLICIES.METHODS).from(RETURN_POLICIES).where(RETURN_POLICIES.MERCHANT_ID.eq(user.merchantId()))
                .and(RETURN_POLICIES.IS_DEFAULT).fetchOptional(RETURN_POLICIES.METHODS).orElse(new String[] {"qr_dropoff", "printable_label"});
        Map<String, Object> model = new HashMap<>(extra);
        var policyRow = dsl.selectFrom(RETURN_POLICIES).where(RETURN_POLICIES.MERCHANT_ID.eq(user.merchantId()))
                .and(RETURN_POLICIES.IS_DEFAULT).fetchOne();
        if (!model.containsKey("policyForm")) {
            model.put("policyForm", policyRow == null ? PolicyForm.parse(Map.of("window_days", "30", "window_starts_at", "delivered",
                    "store_credit_bonus_percent", "0", "restocking_fee_percent", "0", "return_shipping_fee", "0", "ship_within_days", "30",
                    "allow_refund", "on", "allow_store_credit", "on", "allow_exchange", "on")::get) : PolicyForm.parse(fields(policyRow)));
        }
        model.put("overrides", policyRow == null ? List.of() : dsl.selectFrom(RETURN_WINDOW_OVERRIDES)
                .where(RETURN_WINDOW_OVERRIDES.MERCHANT_ID.eq(user.merchantId())).and(RETURN_WINDOW_OVERRIDES.POLICY_ID.eq(policyRow.getId()))
                .orderBy(RETURN_WINDOW_OVERRIDES.KIND, RETURN_WINDOW_OVERRIDES.VALUE)
                .fetch(o -> Map.of("id", o.getId(), "kind", o.getKind().equals("sku") ? "SKU" : "Tag", "value", o.getValue(),
                        "days", o.getWindowDays())));
        model.put("reasons", reasons);
        model.put("locations", locations.list(user.merchantId()));
        model.putIfAbsent("locationProblems", Map.of());
        model.putIfAbsent("locationForm", Map.of());
        model.put("topReasons", reasons.stream().filter(r -> r.parentId() == null).toList());
        model.put("methods", METHODS.stream().map(m -> Map.of("code", m, "label", AdminWords.words(m),
                "on", List.of(methods).contains(m))).toList());
        
        ctx.status(status);
        AdminPages.render(ctx, user, "settings", "admin/return-settings", model);
    }

    /** The stored policy as the form's fields, so the form shows what is saved. */
    /** The fields a save changed, each as [before, after] ("window_days": ["30", "45"]); 10 and 10.00 are the same number. */
    static Map<String, List<String>> changes(Map<String, String> before, Map<String, String> after) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        after.forEach((field, now) -> {
            String was = before.getOrDefault(field, "");
            if (!same(was, now)) {
                out.put(field, List.of(was, now));
            }
        });
        return out;
    }

    private static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Function<String, String> fields(app.landfall.db.schema.tables.records.ReturnPoliciesRecord p) {
        Map<String, String> f = new HashMap<>();
        f.put("window_days", String.valueOf(p.getWindowDays()));
        f.put("window_starts_at", p.getWindowStartsAt());
        f.put("store_credit_bonus_percent", plain(p.getStoreCreditBonusPercent()));
        f.put("restocking_fee_percent", plain(p.getRestockingFeePercent()));
        f.put("return_shipping_fee", plain(p.getReturnShippingFee()));
        f.put("max_returns_per_order", p.getMaxReturnsPerOrder() == null ? "" : p.getMaxReturnsPerOrder().toString());
        f.put("keep_item_below", plain(p.getKeepItemBelow()));
        f.put("review_above_amount", plain(p.getReviewAboveAmount()));
        f.put("review_returns_in_90_days_above", p.getReviewReturnsIn_90DaysAbove() == null ? "" : p.getReviewReturnsIn_90DaysAbove().toString());
        f.put("excluded_product_tags", String.join(", ", p.getExcludedProductTags()));
        f.put("ship_within_days", String.valueOf(p.getShipWithinDays()));
        f.put("return_to_name", p.getReturnToName());
        f.put("return_to_line1", p.getReturnToLine1());
        f.put("return_to_line2", p.getReturnToLine2());
        f.put("return_to_city", p.getReturnToCity());
        f.put("return_to_region", p.getReturnToRegion());
        f.put("return_to_postal_code", p.getReturnToPostalCode());
        f.put("return_to_country", p.getReturnToCountry());
        put(f, "allow_refund", p.getAllowRefund());
        put(f, "allow_store_credit", p.getAllowStoreCredit());
        put(f, "allow_exchange", p.getAllowExchange());
        put(f, "fees_waived_for_exchange", p.getFeesWaivedForExchange());
        put(f, "fees_waived_for_store_credit", p.getFeesWaivedForStoreCredit());
        put(f, "final_sale_returnable", p.getFinalSaleReturnable());
        return f::get;
    }

    private static void put(Map<String, String> f, String name, Boolean on) {
        if (Boolean.TRUE.equals(on)) {
            f.put(name, "on");
        }
    }

    private static String plain(java.math.BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }

    private static void redirect(Context ctx, String notice) {
        AdminPages.flash(ctx, notice);
        ctx.redirect("/admin/settings/returns", HttpStatus.SEE_OTHER);
    }
}
