package app.landfall.notifications;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;

import app.landfall.i18n.Languages;
import app.landfall.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The words of each email template, in the notice's language ({@code email.*} messages), with what
 * they need read from the store at send time: its name and colours, for a return its number, page
 * and amounts, and for a parcel what its tracking page says ({@link ShipmentEmails}). A template it does not know, or a return that is gone, is a permanent failure.
 */
final class EmailContents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DSLContext dsl;
    private final Supplier<String> baseUrl;
    private final ShipmentEmails shipments;

    EmailContents(DSLContext dsl, java.time.Clock clock, Supplier<String> baseUrl) {
        this.dsl = dsl;
        this.baseUrl = baseUrl;
        this.shipments = new ShipmentEmails(dsl, clock, baseUrl);
    }

    /** The store a message comes from, as its emails show it. */
    record Store(String name, String primaryColor, String replyTo) {
    }

    /** An email's words, and the facts its placeholders stand for ({@link Placeholder}: a store's own words fill them in). */
    record Rendered(Store store, EmailContent content, Map<String, String> values) {
        Rendered(Store store, EmailContent content) {
            this(store, content, Map.of());
        }
    }

    /** Thrown when a notice can never be rendered: sending it again would not help. */
    static final class Unrenderable extends RuntimeException {
        Unrenderable(String message) {
            super(message, null, false, false);
        }
    }

    /** The email of a notice: in the store's own words for its template and language if it has them, else the built-in ones. */
    Rendered render(Outbox.Pending notice) {
        JsonNode payload = payload(notice);
        String language = locale(notice).getLanguage();
        Optional<CustomWords.Words> own = payload.has("words")
                ? Optional.of(new CustomWords.Words(text(payload.path("words"), "subject"), text(payload.path("words"), "body")))
                : Placeholder.Kind.of(notice.template()).isEmpty() ? Optional.empty()
                : !hasOwnWords(notice.merchantId(), notice.template(), language) ? Optional.empty()
                : CustomWords.find(dsl, notice.merchantId(), notice.template(), language, CustomWords.Channel.EMAIL);
        // the placeholders' facts (the order's items: one more query) only for words that use them
        Rendered built = builtIn(notice, payload, own.isPresent());
        Rendered rendered = own.map(words -> inWords(notice.template(), built, words)).orElse(built);
        if (payload.path("test").asBoolean(false)) { // "Send a test to me": marked, so nobody takes it for a customer's
            EmailContent c = rendered.content();
            return new Rendered(rendered.store(), new EmailContent(c.language(), "[Test] " + c.subject(), c.preheader(), c.heading(),
                    c.paragraphs(), c.action(), c.footer(), c.preferences()), rendered.values());
        }
        return rendered;
    }

    /** Which messages a store has its own words for ("template language channel"), read at most every {@link #STORE_KEPT}. */
    private final KeptFor<Long, java.util.Set<String>> ownWords = new KeptFor<>(STORE_KEPT);

    /** Whether the store has its own email words for this template and language (most stores have none). */
    private boolean hasOwnWords(long merchantId, String template, String language) {
        return ownWords.get(merchantId, m -> CustomWords.kept(dsl, m))
                .contains(template + " " + language + " " + CustomWords.Channel.EMAIL.code());
    }

    /** Forgets which messages the store has its own words for (they were just saved or reset here). */
    void forgetWords(long merchantId) {
        ownWords.forget(merchantId);
    }

    /** What a notice's placeholders stand for (a text in the store's own words uses them too). */
    Map<String, String> values(Outbox.Pending notice) {
        return builtIn(notice, payload(notice), true).values();
    }

    /**
     * The email with the store's subject and paragraphs; the layout, heading, button and small print
     * stay Landfall's. Words that no longer parse (saved under older rules) give way to the built-in ones.
     */
    static Rendered inWords(String template, Rendered built, CustomWords.Words words) {
        Placeholder.Kind kind = Placeholder.Kind.of(template).orElseThrow();
        try {
            String subject = WordsTemplate.subject(words.subject(), kind).render(built.values());
            List<String> paragraphs = WordsTemplate.body(words.body(), kind).paragraphs(built.values());
            if (paragraphs.isEmpty()) {
                return built;
            }
            EmailContent c = built.content();
            // a return's email is headed by its subject: the store's subject heads it then
            String heading = c.heading().equals(c.subject()) ? subject : c.heading();
            return new Rendered(built.store(), new EmailContent(c.language(), subject, paragraphs.get(0), heading, paragraphs,
                    c.action(), c.footer(), c.preferences()), built.values());
        } catch (WordsTemplate.Invalid e) {
            return built;
        }
    }

    private static Locale locale(Outbox.Pending notice) {
        return Locale.forLanguageTag(Languages.SUPPORTED.contains(notice.language()) ? notice.language() : "en");
    }

    /** The email in Landfall's words; {@code facts}: with every placeholder's value (the store's own words need them). */
    private Rendered builtIn(Outbox.Pending notice, JsonNode payload, boolean facts) {
        Locale locale = locale(notice);
        if (payload.path("sample").asBoolean(false)) {
            return SampleMessage.render(notice.template(), locale, store(dsl, notice.merchantId(), null), baseUrl.get());
        }
        if (notice.template().startsWith("return.")) {
            return returnEmail(notice, payload, locale, facts);
        }
        if (notice.template().startsWith("shipment.")) {
            return shipments.render(notice, payload.path("shipment_id").asLong(), locale, brand -> cachedStore(notice.merchantId(), brand),
                    facts);
        }
        Store store = cachedStore(notice.merchantId(), null);
        return switch (notice.template()) {
            case "admin.password_reset" -> new Rendered(store, new EmailContent(locale.getLanguage(),
                    t(locale, "email.password_reset.subject", store.name()), t(locale, "email.password_reset.body", store.name()),
                    t(locale, "email.password_reset.heading"), List.of(t(locale, "email.password_reset.body", store.name())),
                    new EmailContent.Action(t(locale, "email.password_reset.action"), link(payload)),
                    List.of(t(locale, "email.password_reset.ignore"), t(locale, "email.footer.staff", store.name()))));
            case "admin.invitation" -> {
                String by = text(payload, "invited_by");
                String role = text(payload, "role").toLowerCase(locale);
                yield new Rendered(store, new EmailContent(locale.getLanguage(),
                        t(locale, "email.invitation.subject", by, store.name()), t(locale, "email.invitation.body", by, store.name(), role),
                        t(locale, "email.invitation.heading", store.name()), List.of(t(locale, "email.invitation.body", by, store.name(), role)),
                        new EmailContent.Action(t(locale, "email.invitation.action"), link(payload)),
                        List.of(t(locale, "email.invitation.ignore"), t(locale, "email.footer.staff", store.name()))));
            }
            case "subscription.confirm" -> {
                String order = text(payload, "order");
                yield new Rendered(store, new EmailContent(locale.getLanguage(),
                        t(locale, "email.subscription.confirm.subject", order, store.name()),
                        t(locale, "email.subscription.confirm.body", order, store.name()),
                        t(locale, "email.subscription.confirm.heading", order),
                        List.of(t(locale, "email.subscription.confirm.body", order, store.name())),
                        new EmailContent.Action(t(locale, "email.subscription.confirm.action"), link(payload)),
                        List.of(t(locale, "email.subscription.confirm.ignore"), t(locale, "email.footer.store", store.name()))));
            }
            default -> throw new Unrenderable("There is no email template " + notice.template() + ".");
        };
    }

    private Rendered returnEmail(Outbox.Pending notice, JsonNode payload, Locale locale, boolean facts) {
        String status = notice.template().substring("return.".length());
        if (!List.of("requested", "needs_review", "approved", "rejected", "in_transit", "received", "refunded", "credited", "exchanged",
                "cancelled", "expiring_soon", "expired").contains(status)) {
            throw new Unrenderable("There is no email template " + notice.template() + ".");
        }
        long returnId = payload.path("return_id").asLong();
        Record r = dsl.select(RETURNS.RMA_NUMBER, RETURNS.PUBLIC_TOKEN, RETURNS.REJECTION_REASON, RETURNS.REFUND_AMOUNT,
                        RETURNS.CREDIT_AMOUNT, RETURNS.CURRENCY, ORDERS.BRAND_ID, ORDERS.ORDER_NUMBER, ORDERS.CUSTOMER_NAME)
                .from(RETURNS).join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                .where(RETURNS.MERCHANT_ID.eq(notice.merchantId())).and(RETURNS.ID.eq(returnId))
                .fetchOptional().orElseThrow(() -> new Unrenderable("Return " + returnId + " no longer exists."));
        Store store = cachedStore(notice.merchantId(), r.get(ORDERS.BRAND_ID));
        String rma = r.get(RETURNS.RMA_NUMBER);
        String key = "email.return." + status;
        String amount = switch (status) {
            case "refunded" -> money(r.get(RETURNS.REFUND_AMOUNT), r.get(RETURNS.CURRENCY), locale);
            case "credited" -> money(r.get(RETURNS.CREDIT_AMOUNT), r.get(RETURNS.CURRENCY), locale);
            default -> "";
        };
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(t(locale, key + ".body", rma, store.name(), amount, day(text(payload, "expires_on"), locale)));
        if (status.equals("rejected") && r.get(RETURNS.REJECTION_REASON) != null) {
            paragraphs.add(t(locale, "email.return.rejected.reason", r.get(RETURNS.REJECTION_REASON)));
        }
        String subject = t(locale, key + ".subject", rma, store.name());
        String link = baseUrl.get() + "/r/" + r.get(RETURNS.PUBLIC_TOKEN);
        Map<String, String> values = new HashMap<>();
        values.put(Placeholder.CUSTOMER_FIRST_NAME.code(), firstName(r.get(ORDERS.CUSTOMER_NAME)));
        values.put(Placeholder.ORDER_NUMBER.code(), r.get(ORDERS.ORDER_NUMBER));
        values.put(Placeholder.STORE_NAME.code(), store.name());
        values.put(Placeholder.STATUS.code(), t(locale, "return.status." + status));
        values.put(Placeholder.ITEMS.code(), facts ? items(dsl, notice.merchantId(), null, returnId) : "");
        values.put(Placeholder.RETURN_NUMBER.code(), rma);
        values.put(Placeholder.RETURN_LINK.code(), link);
        values.put(Placeholder.AMOUNT.code(), amount);
        values.put(Placeholder.REJECTION_REASON.code(), status.equals("rejected") ? r.get(RETURNS.REJECTION_REASON) : "");
        return new Rendered(store, new EmailContent(locale.getLanguage(), subject, paragraphs.get(0), subject, paragraphs,
                new EmailContent.Action(t(locale, "email.return.action"), link),
                List.of(t(locale, "email.footer.store", store.name()))), values);
    }

    /** The first word of a customer's name ("Alex" of "Alex Morgan"); empty without one. */
    static String firstName(String name) {
        String n = name == null ? "" : EmailContent.oneLine(name);
        int space = n.indexOf(' ');
        return space < 0 ? n : n.substring(0, space);
    }

    /** What an order (or a return, when {@code returnId} is set) holds: "2 × Linen shirt, Canvas tote". */
    static String items(DSLContext dsl, long merchantId, Long orderId, Long returnId) {
        var lines = returnId != null
                ? dsl.select(ORDER_ITEMS.TITLE, RETURN_ITEMS.QUANTITY).from(RETURN_ITEMS).join(ORDER_ITEMS)
                        .on(ORDER_ITEMS.MERCHANT_ID.eq(RETURN_ITEMS.MERCHANT_ID)).and(ORDER_ITEMS.ID.eq(RETURN_ITEMS.ORDER_ITEM_ID))
                        .where(RETURN_ITEMS.MERCHANT_ID.eq(merchantId)).and(RETURN_ITEMS.RETURN_ID.eq(returnId)).orderBy(RETURN_ITEMS.ID).fetch()
                : dsl.select(ORDER_ITEMS.TITLE, ORDER_ITEMS.QUANTITY).from(ORDER_ITEMS)
                        .where(ORDER_ITEMS.MERCHANT_ID.eq(merchantId)).and(ORDER_ITEMS.ORDER_ID.eq(orderId)).orderBy(ORDER_ITEMS.ID).fetch();
        return String.join(", ", lines.map(l -> (l.value2() > 1 ? l.value2() + " × " : "") + EmailContent.oneLine(l.value1())));
    }

    /** Who a message comes from: the brand of the return's order, else the store's default brand. */
    Store sender(long merchantId, Long returnId) {
        Long brandId = returnId == null ? null : dsl.select(ORDERS.BRAND_ID).from(RETURNS).join(ORDERS)
                .on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ID.eq(returnId))
                .fetchOptional(ORDERS.BRAND_ID).orElse(null);
        return store(dsl, merchantId, brandId);
    }

    private record StoreKey(long merchantId, Long brandId) {
    }

    /** How long a store's name, colour and reply-to are reused for its next emails (a wave of them reads them once). */
    static final java.time.Duration STORE_KEPT = java.time.Duration.ofSeconds(5);
    private final KeptFor<StoreKey, Store> stores = new KeptFor<>(STORE_KEPT);

    /** {@link #store}, read again at most every {@link #STORE_KEPT}: a renamed brand shows in emails within seconds. */
    private Store cachedStore(long merchantId, Long brandId) {
        return stores.get(new StoreKey(merchantId, brandId), k -> store(dsl, k.merchantId(), k.brandId()));
    }

    /** The store's name and colour: the order's brand, else the store's default brand (texts use its name too). */
    static Store store(DSLContext dsl, long merchantId, Long brandId) {
        Record row = dsl.select(MERCHANTS.NAME, BRANDS.NAME, BRANDS.PRIMARY_COLOR, BRANDS.SUPPORT_EMAIL)
                .from(MERCHANTS)
                .leftJoin(BRANDS).on(BRANDS.MERCHANT_ID.eq(MERCHANTS.ID))
                .and(brandId == null ? BRANDS.IS_DEFAULT.isTrue() : BRANDS.ID.eq(brandId))
                .where(MERCHANTS.ID.eq(merchantId))
                .orderBy(BRANDS.ID)
                .limit(1)
                .fetchOptional().orElseThrow(() -> new Unrenderable("Store " + merchantId + " no longer exists."));
        String name = Optional.ofNullable(row.get(BRANDS.NAME)).orElse(row.get(MERCHANTS.NAME));
        return new Store(EmailContent.oneLine(name), Optional.ofNullable(row.get(BRANDS.PRIMARY_COLOR)).orElse("#1f4e79"),
                row.get(BRANDS.SUPPORT_EMAIL));
    }

    /** An amount as the customer reads it; plain spaces, since a no-break space would make a text UCS-2. */
    static String money(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(currency));
            format.setMaximumFractionDigits(Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            return amount.toPlainString() + " " + currency;
        }
        return format.format(amount).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** An ISO date of the payload as the reader writes it ("7 December 2026"); empty when there is none. */
    static String day(String isoDate, Locale locale) {
        if (isoDate.isEmpty()) {
            return "";
        }
        return java.time.LocalDate.parse(isoDate)
                .format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(locale));
    }

    private static String t(Locale locale, String key, Object... args) {
        return Messages.text(locale, key, args);
    }

    private static JsonNode payload(Outbox.Pending notice) {
        try {
            return JSON.readTree(notice.payload().data());
        } catch (java.io.IOException e) {
            throw new Unrenderable("The notice's payload is not JSON.");
        }
    }

    private static String text(JsonNode payload, String field) {
        return payload.path(field).asText("");
    }

    private static String link(JsonNode payload) {
        String link = text(payload, "link");
        if (!link.startsWith("https://") && !link.startsWith("http://")) {
            throw new Unrenderable("The notice has no link to send.");
        }
        return link;
    }
}
