package app.landfall.branding;

import static app.landfall.db.schema.Tables.BRAND_VERSIONS;
import static app.landfall.db.schema.Tables.MERCHANTS;

import app.landfall.merchants.Merchants;
import app.landfall.audit.AuditTrail;
import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.web.ClientAddress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The branding editor: colours with a live WCAG contrast check, a font from the safe list, the
 * support contact; a preview of the tracking page and the returns start page beside the form,
 * updated by htmx as fields change (a Preview button does the same without JavaScript). Every save
 * keeps the previous values, and "Undo the last save" puts them back.
 */
public final class BrandingEditor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DSLContext dsl;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;

    BrandingEditor(DSLContext dsl, AuditTrail audit, ClientAddress clientAddress) {
        this.dsl = dsl;
        this.audit = audit;
        this.clientAddress = clientAddress;
    }

    /** The form's fields, as typed (valid or not). */
    public record Draft(String primary, String accent, String background, String text, String font, String supportEmail,
            String supportPhone, String supportUrl, List<String> languages, String defaultLanguage, String customDomain,
            List<Map<String, String>> links) {

        static final int LINKS = 5;

        static Draft of(Function<String, String> field) {
            return of(field, name -> List.of());
        }

        static Draft of(Function<String, String> field, Function<String, List<String>> many) {
            List<Map<String, String>> links = new ArrayList<>();
            for (int i = 0; i < LINKS; i++) {
                String label = Optional.ofNullable(trim(field.apply("link_label_" + i))).orElse("");
                String url = Optional.ofNullable(trim(field.apply("link_url_" + i))).orElse("");
                if (!label.isEmpty() || !url.isEmpty()) {
                    links.add(Map.of("label", label, "url", url));
                }
            }
            String domain = trim(field.apply("custom_domain"));
            return new Draft(colour(field.apply("primary")), colour(field.apply("accent")), colour(field.apply("background")),
                    colour(field.apply("text")), trim(field.apply("font")), trim(field.apply("support_email")),
                    trim(field.apply("support_phone")), trim(field.apply("support_url")), List.copyOf(many.apply("language")),
                    trim(field.apply("default_language")), domain == null ? null : domain.toLowerCase(Locale.ROOT), List.copyOf(links));
        }

        /** A link row for the form: the saved ones, then empty rows up to {@link #LINKS}. */
        public List<Map<String, String>> linkRows() {
            List<Map<String, String>> rows = new ArrayList<>(links);
            while (rows.size() < LINKS) {
                rows.add(Map.of("label", "", "url", ""));
            }
            return rows;
        }

        Map<String, String> problems() {
            Map<String, String> out = new LinkedHashMap<>();
            // a field left out of the form is null: Map.of and Set.contains would throw on it
            Map<String, String> colours = new LinkedHashMap<>();
            colours.put("primary", primary);
            colours.put("accent", accent);
            colours.put("background", background);
            colours.put("text", text);
            colours.forEach((field, colour) -> {
                if (colour == null || !colour.matches("#[0-9a-f]{6}")) {
                    out.put(field, "Use a colour like #2f5d50.");
                }
            });
            if (!isFont(font)) {
                out.put("font", "Choose one of the fonts listed.");
            }
            if (supportEmail != null && (!supportEmail.matches("[^@\\s]{1,64}@[^@\\s]{1,190}"))) {
                out.put("support_email", "Enter an email address like help@yourstore.example, or leave it empty.");
            }
            if (supportPhone != null && !supportPhone.matches("[+0-9 ()./-]{4,30}")) {
                out.put("support_phone", "Enter a phone number (digits, spaces, + ( ) - .), or leave it empty.");
            }
            if (supportUrl != null && (!supportUrl.matches("https?://[^\\s]{3,300}"))) {
                out.put("support_url", "Enter a web address starting with https://, or leave it empty.");
            }
            if (languages.isEmpty() || !app.landfall.i18n.Languages.SUPPORTED.containsAll(languages)) {
                out.put("languages", "Choose at least one of the languages listed.");
            } else if (defaultLanguage == null || !languages.contains(defaultLanguage)) {
                out.put("default_language", "The default language must be one of those enabled.");
            }
            if (customDomain != null && !customDomain.matches("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) {
                out.put("custom_domain", "Enter a host name like track.yourstore.com (no https://, no path), or leave it empty.");
            }
            for (Map<String, String> link : links) {
                if (link.get("label").isEmpty() || link.get("label").length() > 40
                        || !link.get("url").matches("https?://[^\\s]{3,300}")) {
                    out.put("links", "Each header link needs a label (up to 40 characters) and an address starting with https://.");
                }
            }
            return out;
        }

        Brand.Palette palette() {
            return new Brand.Palette(safe(primary, "#1f4e79"), safe(accent, "#b35900"), safe(background, "#ffffff"),
                    safe(text, "#1a1a1a"), isFont(font) ? font : "system");
        }

        private static boolean isFont(String font) {
            return font != null && BrandStyles.fonts().contains(font);
        }

        String previewQuery() {
            Brand.Palette p = palette();
            return "primary=" + enc(p.primary()) + "&accent=" + enc(p.accent()) + "&background=" + enc(p.background())
                    + "&text=" + enc(p.text()) + "&font=" + enc(p.font());
        }

        private static String safe(String colour, String otherwise) {
            return colour != null && colour.matches("#[0-9a-f]{6}") ? colour : otherwise;
        }

        private static String colour(String raw) {
            String v = trim(raw);
            return v == null ? null : v.toLowerCase(Locale.ROOT);
        }

        private static String trim(String raw) {
            return raw == null || raw.isBlank() ? null : raw.strip();
        }

        private static String enc(String v) {
            return URLEncoder.encode(v, StandardCharsets.UTF_8);
        }
    }

    /** One line of the contrast check: what is drawn on what, the ratio, the minimum, and what pages will use. */
    public record Check(String what, String ratio, boolean passes, String minimum, String adjusted) {
    }

    /** GET /admin/branding */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        render(ctx, user, stored(dsl, user.merchantId()), Map.of(), HttpStatus.OK);
    }

    /** POST /admin/branding/preview (htmx: only the preview; without JavaScript: the whole page). */
    public void preview(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        Draft draft = Draft.of(ctx::formParam, ctx::formParams);
        if (ctx.header("HX-Request") != null) {
            Map<String, Object> model = model(user, draft, draft.problems());
            model.put("admin", user);
            ctx.render("admin/branding :: preview", model);
            return;
        }
        render(ctx, user, draft, draft.problems(), HttpStatus.OK);
    }

    /** GET /admin/branding/preview.css?primary=…: the draft's colours for the preview box only. */
    public void previewCss(Context ctx) {
        AdminAccess.require(ctx, Role.ADMIN);
        // like every admin response, not kept: AdminAccess.guard has set no-store
        ctx.contentType("text/css; charset=utf-8").result(BrandStyles.previewCss(Draft.of(ctx::queryParam).palette()));
    }

    /** POST /admin/branding */
    public void save(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        Draft draft = Draft.of(ctx::formParam, ctx::formParams);
        Map<String, String> problems = new LinkedHashMap<>(draft.problems());
        if (draft.customDomain() != null && dsl.fetchExists(MERCHANTS,
                MERCHANTS.CUSTOM_DOMAIN.eq(draft.customDomain())
                        .and(MERCHANTS.ID.ne(user.merchantId())))) {
            problems.put("custom_domain", "Another store on this Landfall uses that domain.");
        }
        if (!problems.isEmpty()) {
            render(ctx, user, draft, problems, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        change(ctx, user, "brand.saved", (tx, brandId) -> {
            apply(tx, user.merchantId(), brandId, draft);
            return Map.of("primary", draft.primary(), "font", draft.font());
        });
        redirect(ctx, "Saved. Tracking and returns pages show it now.");
    }

    /** A change of the brand, in the transaction that also keeps the values before it (for undo) and audits it. */
    @FunctionalInterface
    private interface Change {
        /** Makes the change; returns what the audit log shows of it. */
        Map<String, ?> apply(DSLContext tx, long brandId);
    }

    private void change(Context ctx, AdminUser user, String action, Change change) {
        String ip = clientAddress.of(ctx);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            var brand = BrandStore.defaultBrand(tx, user.merchantId());
            keepVersion(tx, user, brand);
            audit.record(tx, user, ip, action, "brand", brand.getId(), change.apply(tx, brand.getId()));
        });
    }

    /** POST /admin/branding/logo (multipart, field {@code logo}). */
    public void uploadLogo(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        var file = ctx.uploadedFile("logo");
        byte[] bytes;
        try {
            bytes = file == null ? null : file.content().readAllBytes();
        } catch (java.io.IOException e) {
            bytes = null;
        }
        BrandLogos.Checked logo = BrandLogos.check(bytes);
        if (logo.problem() != null) {
            render(ctx, user, stored(dsl, user.merchantId()), Map.of("logo", logo.problem()), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        change(ctx, user, "brand.logo_changed", (tx, brandId) -> {
            String url = BrandLogos.store(tx, user.merchantId(), logo);
            BrandStore.setLogo(tx, user.merchantId(), brandId, url);
            return Map.of("logo", url);
        });
        redirect(ctx, "The new logo is saved. Tracking and returns pages show it now.");
    }

    static final int RECOMMENDATIONS = 4;

    /** POST /admin/branding/marketing: the block under the tracking page's history (headline, text, banner, products). */
    public void saveMarketing(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        Map<String, String> problems = new LinkedHashMap<>();
        ObjectNode marketing = marketing(ctx::formParam, problems);
        if (!problems.isEmpty()) {
            render(ctx, user, stored(dsl, user.merchantId()), problems, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        change(ctx, user, "brand.marketing_changed", (tx, brandId) -> {
            BrandStore.setMarketing(tx, user.merchantId(), brandId, marketing.toString());
            return Map.of();
        });
        redirect(ctx, "The marketing block is saved. Tracking pages show it now.");
    }

    /** The marketing form as the stored JSON; problems by field. Images may be https or this server's own paths. */
    static ObjectNode marketing(Function<String, String> field, Map<String, String> problems) {
        ObjectNode out = JSON.createObjectNode();
        String headline = Optional.ofNullable(field.apply("headline")).orElse("").strip();
        String body = Optional.ofNullable(field.apply("body")).orElse("").strip();
        if (headline.length() > 120) {
            problems.put("headline", "A headline of at most 120 characters.");
        }
        if (body.length() > 500) {
            problems.put("body", "At most 500 characters.");
        }
        putIf(out, "headline", headline);
        putIf(out, "body", body);
        String banner = url(field.apply("banner_image_url"), true, "banner_image_url", problems);
        String bannerLink = url(field.apply("banner_url"), false, "banner_url", problems);
        putIf(out, "banner_image_url", banner);
        putIf(out, "banner_url", bannerLink);
        var recommendations = out.putArray("recommendations");
        for (int i = 0; i < RECOMMENDATIONS; i++) {
            String title = Optional.ofNullable(field.apply("rec_title_" + i)).orElse("").strip();
            String image = url(field.apply("rec_image_" + i), true, "rec_" + i, problems);
            String link = url(field.apply("rec_url_" + i), false, "rec_" + i, problems);
            String price = Optional.ofNullable(field.apply("rec_price_" + i)).orElse("").strip();
            if (title.isEmpty() && image.isEmpty() && link.isEmpty() && price.isEmpty()) {
                continue;
            }
            if (title.isEmpty() || title.length() > 80 || link.isEmpty() || price.length() > 20) {
                problems.put("rec_" + i, "Product " + (i + 1) + ": a title (up to 80 characters) and a link are needed; a price of up to 20 characters.");
            }
            var item = recommendations.addObject().put("title", title).put("url", link);
            putIf(item, "image_url", image);
            putIf(item, "price", price);
        }
        return out;
    }

    private static String url(String raw, boolean ownPathAllowed, String field, Map<String, String> problems) {
        String v = Optional.ofNullable(raw).orElse("").strip();
        if (!v.isEmpty() && !v.matches("https?://[^\\s]{3,500}") && !(ownPathAllowed && v.matches("/[A-Za-z0-9/._-]{1,300}"))) {
            problems.put(field, ownPathAllowed ? "An image address starts with https:// (or is a path on this server, like /static/…)."
                    : "A link starts with https://.");
        }
        return v;
    }

    private static void putIf(ObjectNode node, String name, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(name, value);
        }
    }

    /** POST /admin/branding/undo: back to the values before the last save. */
    public void undo(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        String ip = clientAddress.of(ctx);
        String notice = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            var brand = BrandStore.defaultBrand(tx, user.merchantId());
            var last = BrandStore.lastVersion(tx, user.merchantId(), brand.getId());
            if (last == null) {
                return "There is no earlier version to go back to.";
            }
            JsonNode s = JSON.readTree(last.getSnapshot().data());
            List<String> languages = new ArrayList<>();
            s.path("languages").forEach(l -> languages.add(l.asText()));
            List<Map<String, String>> links = new ArrayList<>();
            s.path("header_links").forEach(l -> links.add(Map.of("label", l.path("label").asText(""), "url", l.path("url").asText(""))));
            apply(tx, user.merchantId(), brand.getId(), new Draft(text(s, "primary_color"), text(s, "accent_color"),
                    text(s, "background_color"), text(s, "text_color"), text(s, "font"), text(s, "support_email"),
                    text(s, "support_phone"), text(s, "support_url"), languages.isEmpty() ? List.of("en") : languages,
                    s.has("default_language") ? text(s, "default_language") : "en", text(s, "custom_domain"), links));
            if (s.has("marketing")) {
                BrandStore.setMarketing(tx, user.merchantId(), brand.getId(), s.get("marketing").toString());
            }
            if (s.has("logo_url")) {
                BrandStore.setLogo(tx, user.merchantId(), brand.getId(), text(s, "logo_url"));
            }
            BrandStore.dropVersion(tx, user.merchantId(), last.getId());
            audit.record(tx, user, ip, "brand.restored", "brand", brand.getId(), Map.of("version", last.getId()));
            return "Back to the version before the last save.";
        });
        redirect(ctx, notice);
    }

    private static void apply(DSLContext tx, long merchantId, long brandId, Draft d) {
        var links = JSON.createArrayNode();
        d.links().forEach(l -> links.addObject().put("label", l.get("label")).put("url", l.get("url")));
        Merchants.setCustomDomain(tx, merchantId, d.customDomain());
        BrandStore.apply(tx, merchantId, brandId, d, links.toString());
    }

    /** Keeps what the brand is now, before a change, for "Undo the last save". */
    private void keepVersion(DSLContext tx, AdminUser user, app.landfall.db.schema.tables.records.BrandsRecord brand) {
        BrandStore.keepVersion(tx, user.merchantId(), brand.getId(), user.userId(), snapshot(tx, brand).toString());
    }

    private ObjectNode snapshot(DSLContext tx, app.landfall.db.schema.tables.records.BrandsRecord b) {
        ObjectNode node = snapshot(b);
        var languages = node.putArray("languages");
        for (String l : b.getLanguages()) {
            languages.add(l);
        }
        node.put("default_language", b.getDefaultLanguage());
        try {
            node.set("header_links", JSON.readTree(b.getHeaderLinks().data()));
            node.set("marketing", JSON.readTree(b.getMarketing().data()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            node.putArray("header_links");
        }
        node.put("custom_domain", tx.select(MERCHANTS.CUSTOM_DOMAIN).from(MERCHANTS)
                .where(MERCHANTS.ID.eq(b.getMerchantId())).fetchSingle(MERCHANTS.CUSTOM_DOMAIN));
        return node;
    }

    private static ObjectNode snapshot(app.landfall.db.schema.tables.records.BrandsRecord b) {
        return JSON.createObjectNode().put("primary_color", b.getPrimaryColor()).put("accent_color", b.getAccentColor())
                .put("background_color", b.getBackgroundColor()).put("text_color", b.getTextColor()).put("font", b.getFont())
                .put("support_email", b.getSupportEmail()).put("support_phone", b.getSupportPhone()).put("support_url", b.getSupportUrl())
                .put("logo_url", b.getLogoUrl());
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asText();
    }

    /** The stored marketing block as form values: headline, body, banner, and 4 product rows. */
    private static Map<String, Object> marketingRows(app.landfall.db.schema.tables.records.BrandsRecord brand) {
        JsonNode m;
        try {
            m = JSON.readTree(brand.getMarketing().data());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            m = JSON.createObjectNode();
        }
        Map<String, Object> out = new HashMap<>();
        for (String f : List.of("headline", "body", "banner_image_url", "banner_url")) {
            out.put(f, m.path(f).asText(""));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < RECOMMENDATIONS; i++) {
            JsonNode r = m.path("recommendations").path(i);
            rows.add(Map.of("title", r.path("title").asText(""), "image", r.path("image_url").asText(""), "url", r.path("url").asText(""),
                    "price", r.path("price").asText("")));
        }
        out.put("rows", rows);
        return out;
    }

    /** The brand as stored, as the form shows it. */
    private Draft stored(DSLContext q, long merchantId) {
        var b = BrandStore.defaultBrand(q, merchantId);
        List<Map<String, String>> links = new ArrayList<>();
        try {
            JSON.readTree(b.getHeaderLinks().data()).forEach(l -> links.add(Map.of("label", l.path("label").asText(""),
                    "url", l.path("url").asText(""))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // a malformed array shows as no links
        }
        String domain = q.select(MERCHANTS.CUSTOM_DOMAIN).from(MERCHANTS).where(MERCHANTS.ID.eq(merchantId)).fetchSingle(MERCHANTS.CUSTOM_DOMAIN);
        return new Draft(b.getPrimaryColor(), b.getAccentColor(), b.getBackgroundColor(), b.getTextColor(), b.getFont(),
                b.getSupportEmail(), b.getSupportPhone(), b.getSupportUrl(), List.of(b.getLanguages()), b.getDefaultLanguage(), domain,
                links);
    }

    private void render(Context ctx, AdminUser user, Draft draft, Map<String, String> problems, HttpStatus status) {
        Map<String, Object> model = model(user, draft, problems);
        
        model.put("versions", dsl.fetchCount(BRAND_VERSIONS, BRAND_VERSIONS.MERCHANT_ID.eq(user.merchantId())));
        ctx.status(status);
        AdminPages.render(ctx, user, "branding", "admin/branding", model);
    }

    private Map<String, Object> model(AdminUser user, Draft draft, Map<String, String> problems) {
        var brand = BrandStore.defaultBrand(dsl, user.merchantId());
        Map<String, Object> model = new HashMap<>();
        model.put("draft", draft);
        model.put("problems", problems);
        model.put("fonts", List.of("system", "serif", "rounded", "mono", "humanist", "geometric"));
        model.put("marketing", marketingRows(brand));
        model.put("allLanguages", List.of(Map.of("code", "en", "name", "English"), Map.of("code", "de", "name", "Deutsch"),
                Map.of("code", "fr", "name", "Français"), Map.of("code", "es", "name", "Español")));
        model.put("previewCss", "/admin/branding/preview.css?" + draft.previewQuery());
        model.put("checks", checks(draft.palette()));
        model.put("storeName", brand.getName());
        model.put("logoUrl", brand.getLogoUrl());
        return model;
    }

    static List<Check> checks(Brand.Palette p) {
        BrandStyles.Readable made = BrandStyles.readable(p);
        List<Check> out = new ArrayList<>();
        out.add(check("Text on the background", p.text(), p.background(), 4.5, made.text()));
        out.add(check("Primary colour (links, buttons) on the background", p.primary(), p.background(), 4.5, made.primary()));
        out.add(check("Button text on the primary colour", Contrast.textOn(p.primary()), p.primary(), 4.5, null));
        out.add(check("Accent (bars, highlights) on the background", p.accent(), p.background(), 3.0, made.accent()));
        return out;
    }

    private static Check check(String what, String fore, String back, double minimum, String adjusted) {
        double ratio = Contrast.ratio(fore, back);
        boolean passes = ratio >= minimum;
        return new Check(what, String.format(Locale.ROOT, "%.1f:1", ratio), passes, String.format(Locale.ROOT, "%.1f:1", minimum),
                passes || adjusted == null || adjusted.equalsIgnoreCase(fore) ? null : adjusted);
    }

    private static void redirect(Context ctx, String notice) {
        AdminPages.flash(ctx, notice);
        ctx.redirect("/admin/branding", HttpStatus.SEE_OTHER);
    }
}
