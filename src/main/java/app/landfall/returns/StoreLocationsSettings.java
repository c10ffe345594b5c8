package app.landfall.returns;

import static app.landfall.db.schema.Tables.STORE_LOCATIONS;

import app.landfall.admin.AdminPages;
import app.landfall.audit.AuditTrail;
import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.web.ClientAddress;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The shops where returns can be brought in person: added, hidden or shown again, on the returns settings page. */
final class StoreLocationsSettings {
    private final DSLContext dsl;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;

    StoreLocationsSettings(DSLContext dsl, AuditTrail audit, ClientAddress clientAddress) {
        this.dsl = dsl;
        this.audit = audit;
        this.clientAddress = clientAddress;
    }

    public record Location(long id, String name, String address, String hours, boolean active) {
    }

    List<Location> list(long merchantId) {
        return dsl.selectFrom(STORE_LOCATIONS).where(STORE_LOCATIONS.MERCHANT_ID.eq(merchantId))
                .orderBy(STORE_LOCATIONS.POSITION, STORE_LOCATIONS.ID)
                .fetch(l -> new Location(l.getId(), l.getName(), String.join(", ", java.util.stream.Stream.of(l.getAddressLine1(),
                        l.getAddressLine2(), l.getCity(), l.getRegion(), l.getPostalCode(), l.getCountry())
                        .filter(p -> p != null && !p.isBlank()).toList()), l.getOpeningHours(), l.getActive()));
    }

    /** What is wrong with a new location's fields, by field; empty when it can be stored. */
    static Map<String, String> problems(Map<String, String> f) {
        Map<String, String> out = new LinkedHashMap<>();
        if (f.get("name").isEmpty() || f.get("name").length() > 200) {
            out.put("location_name", "Name the shop (up to 200 characters).");
        }
        if (f.get("line1").isEmpty() || f.get("line1").length() > 200) {
            out.put("location_line1", "Enter the street address (up to 200 characters).");
        }
        if (f.get("city").isEmpty() || f.get("city").length() > 100) {
            out.put("location_city", "Enter the city (up to 100 characters).");
        }
        if (!f.get("country").matches("[A-Z]{2}")) {
            out.put("location_country", "Use the two-letter country code, e.g. US or DE.");
        }
        if (f.get("hours").length() > 1000 || f.get("line2").length() > 200 || f.get("region").length() > 100
                || f.get("postal").length() > 20) {
            out.put("location_hours", "Opening hours at most 1,000 characters; region 100; postal code 20.");
        }
        return out;
    }

    /** POST /admin/settings/returns/locations */
    void add(Context ctx, java.util.function.BiConsumer<Map<String, String>, HttpStatus> showAgain) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        Map<String, String> f = new LinkedHashMap<>();
        for (String name : List.of("name", "line1", "line2", "city", "region", "postal", "country", "hours")) {
            f.put(name, Optional.ofNullable(ctx.formParam("location_" + name)).orElse("").strip());
        }
        f.put("country", f.get("country").toUpperCase(Locale.ROOT));
        Map<String, String> problems = problems(f);
        if (!problems.isEmpty()) {
            showAgain.accept(problems, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        String ip = clientAddress.of(ctx);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            int position = tx.select(DSL.coalesce(DSL.max(STORE_LOCATIONS.POSITION), DSL.val(0))).from(STORE_LOCATIONS)
                    .where(STORE_LOCATIONS.MERCHANT_ID.eq(user.merchantId())).fetchSingle().value1() + 1;
            long id = tx.insertInto(STORE_LOCATIONS).set(STORE_LOCATIONS.MERCHANT_ID, user.merchantId())
                    .set(STORE_LOCATIONS.NAME, f.get("name")).set(STORE_LOCATIONS.ADDRESS_LINE1, f.get("line1"))
                    .set(STORE_LOCATIONS.ADDRESS_LINE2, blank(f.get("line2"))).set(STORE_LOCATIONS.CITY, f.get("city"))
                    .set(STORE_LOCATIONS.REGION, blank(f.get("region"))).set(STORE_LOCATIONS.POSTAL_CODE, blank(f.get("postal")))
                    .set(STORE_LOCATIONS.COUNTRY, f.get("country")).set(STORE_LOCATIONS.OPENING_HOURS, blank(f.get("hours")))
                    .set(STORE_LOCATIONS.POSITION, position)
                    .returning(STORE_LOCATIONS.ID).fetchSingle(STORE_LOCATIONS.ID);
            audit.record(tx, user, ip, "store_location.added", "store_location", id, Map.of("name", f.get("name")));
        });
        redirect(ctx, f.get("name") + " is listed for in-store returns.");
    }

    /** POST /admin/settings/returns/locations/{id}/visibility: {@code active} shown or hidden. */
    void setVisibility(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        long id = AdminAccess.id(ctx.pathParam("id"));
        boolean active = "true".equals(ctx.formParam("active"));
        String ip = clientAddress.of(ctx);
        String name = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            String changed = tx.update(STORE_LOCATIONS).set(STORE_LOCATIONS.ACTIVE, active)
                    .where(STORE_LOCATIONS.MERCHANT_ID.eq(user.merchantId())).and(STORE_LOCATIONS.ID.eq(id))
                    .returning(STORE_LOCATIONS.NAME).fetchOptional(STORE_LOCATIONS.NAME).orElseThrow(AdminAccess::notFound);
            audit.record(tx, user, ip, active ? "store_location.shown" : "store_location.hidden", "store_location", id, Map.of());
            return changed;
        });
        redirect(ctx, name + (active ? " is listed again." : " is no longer listed to shoppers."));
    }

    private static String blank(String v) {
        return v.isEmpty() ? null : v;
    }

    private static void redirect(Context ctx, String notice) {
        AdminPages.flash(ctx, notice);
        ctx.redirect("/admin/settings/returns#locations",
                HttpStatus.SEE_OTHER);
    }
}
