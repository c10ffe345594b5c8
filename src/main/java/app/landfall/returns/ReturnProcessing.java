package app.landfall.returns;

import app.landfall.admin.AdminPages;
import app.landfall.audit.AuditTrail;
import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.web.ClientAddress;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the team does to returns: approve, reject (with the reason the shopper reads), mark received
 * per item, resolve; one at a time or approve/reject in bulk. The state machine lives in
 * {@link ReturnActions} and the database; each change is audited in its own transaction.
 */
public final class ReturnProcessing {
    private static final int BULK_MAX = 200;
    private final ReturnActions actions;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;
    private final ReturnLabels labels;

    ReturnProcessing(ReturnActions actions, AuditTrail audit, ClientAddress clientAddress, ReturnLabels labels) {
        this.actions = actions;
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.labels = labels;
    }

    /** POST /admin/returns/{id}/approval */
    public void approve(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        long id = AdminAccess.id(ctx.pathParam("id"));
        ReturnActions.Outcome outcome = as(user, ctx).approve(user.merchantId(), id);
        if (outcome.done()) {
            // after the approval committed: a carrier outage leaves the label to retry, never the return unapproved
            ReturnLabels.Outcome label = labels.buy(user.merchantId(), id);
            if (label.attempted()) {
                redirect(ctx, id, label.bought() ? "notice" : "problem", outcome.message() + " " + label.message());
                return;
            }
        }
        answer(ctx, id, outcome);
    }

    /** POST /admin/returns/{id}/label-purchase: buys the prepaid label again after a failure (never a second one). */
    public void buyLabel(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        long id = AdminAccess.id(ctx.pathParam("id"));
        if (labels.find(user.merchantId(), id).isEmpty()) {
            throw AdminAccess.notFound();
        }
        ReturnLabels.Outcome label = labels.buy(user.merchantId(), id);
        redirect(ctx, id, label.bought() ? "notice" : "problem", label.message() != null ? label.message()
                : "This return no longer needs a label (it is not an approved label return).");
    }

    /** POST /admin/returns/{id}/rejection */
    public void reject(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        long id = AdminAccess.id(ctx.pathParam("id"));
        answer(ctx, id, as(user, ctx).reject(user.merchantId(), id, ctx.formParam("reason")));
    }

    /** POST /admin/returns/{id}/receipt: {@code received_<item>} units and {@code condition_<item>} per return item. */
    public void receive(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        long id = AdminAccess.id(ctx.pathParam("id"));
        Map<Long, ReturnActions.Received> items = new LinkedHashMap<>();
        for (String name : ctx.formParamMap().keySet()) {
            if (name.matches("received_\\d{1,18}")) {
                long item = Long.parseLong(name.substring("received_".length()));
                String units = ctx.formParam(name);
                if (units == null || !units.strip().matches("\\d{1,6}")) {
                    redirect(ctx, id, "problem", "Enter the units received as a whole number (0 or more) for every item.");
                    return;
                }
                items.put(item, new ReturnActions.Received(Integer.parseInt(units.strip()), ctx.formParam("condition_" + item)));
            }
        }
        if (items.isEmpty()) {
            redirect(ctx, id, "problem", "Say what arrived for at least one item.");
            return;
        }
        answer(ctx, id, as(user, ctx).markReceived(user.merchantId(), id, items));
    }

    /** POST /admin/returns/{id}/resolution: {@code resolution} and, for refunds and credit, {@code amount}. */
    public void resolve(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        long id = AdminAccess.id(ctx.pathParam("id"));
        ReturnPolicy.Resolution how = switch (String.valueOf(ctx.formParam("resolution"))) {
            case "refund" -> ReturnPolicy.Resolution.REFUND;
            case "store_credit" -> ReturnPolicy.Resolution.STORE_CREDIT;
            case "exchange" -> ReturnPolicy.Resolution.EXCHANGE;
            default -> null;
        };
        BigDecimal amount = null;
        String raw = ctx.formParam("amount");
        if (how != ReturnPolicy.Resolution.EXCHANGE) {
            if (raw == null || !raw.strip().matches("\\d{1,13}(\\.\\d{1,4})?")) {
                redirect(ctx, id, "problem", "Enter the amount as a number like 24.05 (zero or more, at most 4 decimals).");
                return;
            }
            amount = new BigDecimal(raw.strip());
        }
        answer(ctx, id, as(user, ctx).resolve(user.merchantId(), id, how, amount, user.can(Role.ADMIN),
                ctx.formParam("reason")));
    }

    /** POST /admin/returns/bulk: {@code action} approve or reject, the selected {@code id}s, a {@code reason} for rejecting. */
    public void bulk(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        String back = "/admin/returns" + (ctx.formParam("back") == null || ctx.formParam("back").isBlank() ? ""
                : "?" + ctx.formParam("back").replaceAll("[^A-Za-z0-9_.~%+=&-]", ""));
        List<String> ids = ctx.formParams("id");
        String action = String.valueOf(ctx.formParam("action"));
        if (ids.isEmpty() || !(action.equals("approve") || action.equals("reject"))) {
            AdminPages.flashProblem(ctx, "Select the returns first, then approve or reject them.");
            ctx.redirect(back, HttpStatus.SEE_OTHER);
            return;
        }
        if (ids.size() > BULK_MAX) {
            AdminPages.flashProblem(ctx, "Select at most " + BULK_MAX + " returns at a time.");
            ctx.redirect(back, HttpStatus.SEE_OTHER);
            return;
        }
        ReturnActions acting = as(user, ctx);
        int done = 0;
        List<String> refused = new ArrayList<>();
        for (String raw : ids) {
            long id;
            try {
                id = AdminAccess.id(raw);
            } catch (io.javalin.http.NotFoundResponse e) {
                continue;
            }
            ReturnActions.Outcome outcome = action.equals("approve") ? acting.approve(user.merchantId(), id)
                    : acting.reject(user.merchantId(), id, ctx.formParam("reason"));
            if (outcome.done()) {
                done++;
                if (action.equals("approve")) {
                    labels.buy(user.merchantId(), id); // a failure shows on the return's page, with "Buy label again"
                }
            } else if (outcome.found()) {
                refused.add(outcome.message());
            }
        }
        String verb = action.equals("approve") ? "approved" : "rejected";
        String notice = done + (done == 1 ? " return " : " returns ") + verb + "."
                + (refused.isEmpty() ? "" : " Not changed: " + String.join(" ", refused.stream().distinct().limit(5).toList()));
        AdminPages.flash(ctx, notice);
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    private ReturnActions as(AdminUser user, Context ctx) {
        String ip = clientAddress.of(ctx);
        return actions.audited((tx, merchantId, returnId, rma, status, details) -> {
            Map<String, Object> recorded = new LinkedHashMap<>(details);
            recorded.put("rma", rma);
            audit.record(tx, user, ip, "return." + status.code(), "return", returnId, recorded);
        });
    }

    private static void answer(Context ctx, long id, ReturnActions.Outcome outcome) {
        if (!outcome.found()) {
            throw AdminAccess.notFound();
        }
        redirect(ctx, id, outcome.done() ? "notice" : "problem", outcome.message());
    }

    private static void redirect(Context ctx, long id, String kind, String message) {
        if (kind.equals("problem")) {
            AdminPages.flashProblem(ctx, message);
        } else {
            AdminPages.flash(ctx, message);
        }
        ctx.redirect("/admin/returns/" + id, HttpStatus.SEE_OTHER);
    }
}
