package app.landfall.api;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.audit.AuditTrail;
import app.landfall.postage.CarrierAccounts;
import app.landfall.web.ClientAddress;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The Integrations page's EasyPost card: an owner connects the store's EasyPost account (the key is
 * checked with EasyPost, then kept sealed and never shown again), picks the carriers allowed for
 * return labels and the parcel assumed, or disconnects it.
 */
final class EasyPostConnection {
    private final CarrierAccounts accounts;
    private final LongFunction<List<String>> returnAddress;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;

    EasyPostConnection(CarrierAccounts accounts, LongFunction<List<String>> returnAddress, AuditTrail audit, ClientAddress clientAddress) {
        this.accounts = accounts;
        this.returnAddress = returnAddress;
        this.audit = audit;
        this.clientAddress = clientAddress;
    }

    /** What the card shows, plus the form's values and errors after a refused save. */
    Map<String, Object> model(long merchantId, Map<String, ?> form) {
        Map<String, Object> model = new HashMap<>();
        Optional<CarrierAccounts.Summary> summary = accounts.summary(merchantId);
        model.put("easypost", summary.orElse(null));
        model.put("easypostCanStore", accounts.canStoreKeys());
        model.put("easypostCarriers", CarrierAccounts.CARRIERS);
        model.put("easypostChosen", form.containsKey("easypostChosen") ? form.get("easypostChosen")
                : summary.map(CarrierAccounts.Summary::carriers).orElse(List.of()));
        CarrierAccounts.Parcel parcel = summary.map(CarrierAccounts.Summary::parcel).orElse(CarrierAccounts.Parcel.DEFAULT);
        model.put("easypostParcel", form.containsKey("easypostParcel") ? form.get("easypostParcel") : Map.of(
                "weight", parcel.weightOz().stripTrailingZeros().toPlainString(), "length", parcel.lengthIn().stripTrailingZeros().toPlainString(),
                "width", parcel.widthIn().stripTrailingZeros().toPlainString(), "height", parcel.heightIn().stripTrailingZeros().toPlainString()));
        model.put("easypostAddress", returnAddress.apply(merchantId));
        return model;
    }

    /** POST /admin/integrations/easypost: {@code api_key} (empty keeps the connected one), {@code carrier}s, parcel size. */
    Optional<Map<String, Object>> save(Context ctx, AdminUser user) {
        String key = Optional.ofNullable(ctx.formParam("api_key")).orElse("").strip();
        List<String> carriers = ctx.formParams("carrier");
        Map<String, String> parcel = new HashMap<>();
        Map<String, Object> errors = new HashMap<>();
        for (String field : List.of("weight", "length", "width", "height")) {
            String raw = Optional.ofNullable(ctx.formParam("parcel_" + field)).orElse("").strip();
            parcel.put(field, raw);
            BigDecimal max = field.equals("weight") ? new BigDecimal("2400") : new BigDecimal("120");
            if (!raw.matches("\\d{1,4}(\\.\\d)?") || new BigDecimal(raw).signum() <= 0 || new BigDecimal(raw).compareTo(max) > 0) {
                errors.put("easypostParcelError", "Enter the parcel's weight in ounces (up to 2400) and its sides in inches "
                        + "(up to 120), as numbers like 16 or 12.5.");
            }
        }
        if (!key.isEmpty() && !key.matches("[A-Za-z0-9_]{16,100}")) {
            errors.put("easypostKeyError", "An EasyPost API key is 16 to 100 letters and digits (test keys start with EZTK, "
                    + "production keys with EZAK). Copy it from EasyPost's dashboard, under API Keys.");
        }
        if (key.isEmpty() && !accounts.connected(user.merchantId())) {
            errors.put("easypostKeyError", "Enter your EasyPost API key.");
        }
        if (errors.isEmpty()) {
            Optional<String> problem = accounts.save(user.merchantId(), key.isEmpty() ? null : key, carriers,
                    new CarrierAccounts.Parcel(new BigDecimal(parcel.get("weight")), new BigDecimal(parcel.get("length")),
                            new BigDecimal(parcel.get("width")), new BigDecimal(parcel.get("height"))),
                    tx -> audit.record(tx, user, clientAddress.of(ctx), key.isEmpty() ? "easypost.updated" : "easypost.connected", "merchant",
                            user.merchantId(), Map.of("carriers", carriers.isEmpty() ? "any" : String.join(", ", carriers))));
            if (problem.isEmpty()) {
                AdminPages.flash(ctx, key.isEmpty() ? "EasyPost settings are saved."
                        : "EasyPost is connected: approved label returns now get a prepaid label.");
                ctx.redirect("/admin/integrations#easypost", HttpStatus.SEE_OTHER);
                return Optional.empty();
            }
            errors.put("easypostKeyError", problem.get());
        }
        errors.put("easypostChosen", carriers);
        errors.put("easypostParcel", parcel);
        return Optional.of(errors);
    }

    /** POST /admin/integrations/easypost/removal */
    void disconnect(Context ctx, AdminUser user) {
        accounts.disconnect(user.merchantId(),
                tx -> audit.record(tx, user, clientAddress.of(ctx), "easypost.disconnected", "merchant", user.merchantId(), Map.of()));
        AdminPages.flash(ctx, "EasyPost is disconnected and its key forgotten: approved label "
                + "returns get the return authorisation slip again.");
        ctx.redirect("/admin/integrations", HttpStatus.SEE_OTHER);
    }

    static AdminUser owner(Context ctx) {
        return AdminAccess.require(ctx, Role.OWNER);
    }
}
