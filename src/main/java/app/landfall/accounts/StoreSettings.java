package app.landfall.accounts;

import static app.landfall.db.schema.Tables.MERCHANTS;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.audit.AuditTrail;
import app.landfall.merchants.Merchants;
import app.landfall.web.ClientAddress;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The store's own settings, for owners: its time zone (the admin's times and the overview's days
 * are in it, from the next page on) and its currency (orders that arrive without one are in it).
 */
public final class StoreSettings {
    private final DSLContext dsl;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;
    private final Clock clock;

    StoreSettings(DSLContext dsl, AuditTrail audit, ClientAddress clientAddress, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.clock = clock;
    }

    /** GET /admin/settings/store */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        String currency = dsl.select(MERCHANTS.CURRENCY).from(MERCHANTS).where(MERCHANTS.ID.eq(user.merchantId())).fetchSingle(MERCHANTS.CURRENCY);
        render(ctx, user, user.timezone(), currency, Map.of(), HttpStatus.OK);
    }

    /** POST /admin/settings/store */
    public void save(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        String zone = Optional.ofNullable(ctx.formParam("timezone")).orElse("").strip();
        String currency = Optional.ofNullable(ctx.formParam("currency")).orElse("").strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!StoreChoices.isZone(zone)) {
            errors.put("timezone", zone.isEmpty() ? "Choose the store's time zone." : "Choose a time zone from the list.");
        }
        if (!StoreChoices.isCurrency(currency)) {
            errors.put("currency", currency.isEmpty() ? "Choose the store's currency." : "Choose a currency from the list.");
        }
        if (!errors.isEmpty()) {
            render(ctx, user, zone, currency, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            var before = tx.select(MERCHANTS.TIMEZONE, MERCHANTS.CURRENCY).from(MERCHANTS).where(MERCHANTS.ID.eq(user.merchantId()))
                    .forUpdate().fetchSingle();
            Map<String, Object> changed = new LinkedHashMap<>();
            if (!before.value1().equals(zone)) {
                changed.put("timezone", Map.of("from", before.value1(), "to", zone));
            }
            if (!before.value2().equals(currency)) {
                changed.put("currency", Map.of("from", before.value2(), "to", currency));
            }
            if (!changed.isEmpty()) {
                Merchants.setZoneAndCurrency(tx, user.merchantId(), zone, currency);
                audit.record(tx, user, clientAddress.of(ctx), "store.settings_changed", "merchant", user.merchantId(), changed);
            }
        });
        AdminPages.flash(ctx, "Store settings saved. Times in the admin are shown in " + zone.replace('_', ' ')
                + " time, and orders without a currency are in " + currency + ".");
        ctx.redirect("/admin/settings/store", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, AdminUser user, String zone, String currency, Map<String, String> errors, HttpStatus status) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("timezone", zone);
        model.put("currency", currency);
        model.put("zones", StoreChoices.zones(clock.instant()));
        model.put("currencies", StoreChoices.currencies());
        model.put("errors", errors);
        model.put("now", AdminPages.time(java.time.OffsetDateTime.now(clock), Merchants.zone(user.timezone())));
        model.put("zoneName", user.zone().getId().replace('_', ' ') + " (" + user.zone().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ")");
        ctx.status(status);
        AdminPages.render(ctx, user, "store-settings", "admin/store-settings", model);
    }
}
