package app.landfall.notifications;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.audit.AuditTrail;
import app.landfall.web.ClientAddress;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Settings › Email sending: the store's DKIM domain and selector. Saving makes a new RSA 2048 key
 * pair here and shows the DNS TXT record to publish; the private key is sealed (LANDFALL_SECRET_KEY)
 * and never shown. Mail is signed only when the sender address (LANDFALL_MAIL_FROM) is on the domain.
 * Admins and owners only.
 */
public final class EmailSendingSettings {
    private static final String PATH = "/admin/settings/email-sending";

    private final DSLContext dsl;
    private final Clock clock;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;
    private final Optional<DkimKeys> keys;
    private final String from;
    private final java.util.function.LongConsumer changed;

    /** {@code changed}: told of a store whose key was made or removed (the signer reads it again at once). */
    EmailSendingSettings(DSLContext dsl, Clock clock, AuditTrail audit, ClientAddress clientAddress, Optional<DkimKeys> keys,
            String from, java.util.function.LongConsumer changed) {
        this.changed = changed;
        this.dsl = dsl;
        this.clock = clock;
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.keys = keys;
        this.from = from;
    }

    /** GET /admin/settings/email-sending */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        Optional<SendingDomains.Domain> current = SendingDomains.of(dsl, user.merchantId());
        render(ctx, user, current, current.map(SendingDomains.Domain::domain).orElse(""),
                current.map(SendingDomains.Domain::selector).orElse("landfall"), Map.of(), HttpStatus.OK);
    }

    /** POST /admin/settings/email-sending: {@code domain}, {@code selector}; makes a new key pair. */
    public void save(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        String domain = Optional.ofNullable(ctx.formParam("domain")).orElse("").strip().toLowerCase(Locale.ROOT);
        String selector = Optional.ofNullable(ctx.formParam("selector")).orElse("").strip().toLowerCase(Locale.ROOT);
        Map<String, String> errors = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            errors.put("domain", "This server cannot keep a signing key yet: LANDFALL_SECRET_KEY is not set.");
        }
        if (!domain.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}") || domain.length() > 253) {
            errors.putIfAbsent("domain", "Enter the domain your emails come from, such as shop.example.com (no https://, no @).");
        }
        if (!selector.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
            errors.put("selector", "Enter a selector of letters, digits and hyphens, such as landfall or lf2026.");
        }
        Optional<SendingDomains.Domain> current = SendingDomains.of(dsl, user.merchantId());
        if (!errors.isEmpty()) {
            render(ctx, user, current, domain, selector, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        DkimKeys.Sealed key = keys.get().generate(user.merchantId());
        String ip = clientAddress.of(ctx);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            SendingDomains.save(tx, user.merchantId(), domain, selector, key, now);
            audit.record(tx, user, ip, "email_sending.key_created", "merchant", user.merchantId(),
                    Map.of("domain", domain, "selector", selector));
        });
        changed.accept(user.merchantId());
        redirect(ctx, "A new signing key for " + domain + " is ready. Publish the DNS record below; until you do, receivers"
                + " cannot check the signature.");
    }

    /** POST /admin/settings/email-sending/removal: stops signing and forgets the key. */
    public void remove(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        String ip = clientAddress.of(ctx);
        boolean removed = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            boolean gone = SendingDomains.remove(tx, user.merchantId());
            if (gone) {
                audit.record(tx, user, ip, "email_sending.key_removed", "merchant", user.merchantId(), Map.of());
            }
            return gone;
        });
        changed.accept(user.merchantId());
        redirect(ctx, removed ? "Signing is off and the key is deleted. You can remove the DNS record." : "There was no key to remove.");
    }

    /** What the page shows of the store's key: its DNS record, never the private half. */
    record Shown(String domain, String selector, String recordName, String recordValue) {
    }

    private static void redirect(Context ctx, String notice) {
        AdminPages.flash(ctx, notice);
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, AdminUser user, Optional<SendingDomains.Domain> current, String domain, String selector,
            Map<String, String> errors, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("current", current.map(d -> new Shown(d.domain(), d.selector(), d.recordName(), d.recordValue())).orElse(null));
        model.put("domain", domain);
        model.put("selector", selector);
        model.put("errors", errors);
        model.put("from", from);
        model.put("secretKeySet", keys.isPresent());
        model.put("signing", current.isPresent() && keys.isPresent() && SendingDomains.aligned(from, current.get().domain()));
        model.put("aligned", current.isPresent() && SendingDomains.aligned(from, current.get().domain()));
        
        ctx.status(status);
        AdminPages.render(ctx, user, "email-sending", "admin/email-sending", model);
    }
}
