package app.landfall.audit;

import app.landfall.admin.AdminWords;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An audit entry as a sentence an owner reads: "Rowan approved return R-1042", "Rowan changed the
 * return policy: window 30 → 45 days". Pure: the log page hands it the stored action and details.
 */
final class AuditSentences {
    /** Policy fields by their words and unit, for "window 30 → 45 days". */
    private static final Map<String, String[]> POLICY_FIELDS = Map.ofEntries(
            Map.entry("window_days", new String[] {"window", " days"}),
            Map.entry("window_starts_at", new String[] {"window starts when the order is", ""}),
            Map.entry("store_credit_bonus_percent", new String[] {"store-credit bonus", "%"}),
            Map.entry("restocking_fee_percent", new String[] {"restocking fee", "%"}),
            Map.entry("return_shipping_fee", new String[] {"return shipping fee", ""}),
            Map.entry("max_returns_per_order", new String[] {"returns per order", ""}),
            Map.entry("keep_item_below", new String[] {"keep items worth less than", ""}),
            Map.entry("review_above_amount", new String[] {"review returns above", ""}),
            Map.entry("review_returns_in_90_days_above", new String[] {"review after returns in 90 days", ""}),
            Map.entry("excluded_product_tags", new String[] {"excluded tags", ""}),
            Map.entry("ship_within_days", new String[] {"days to send it back", " days"}));

    private AuditSentences() {
    }

    static String sentence(String who, String action, String entityType, String entityId, JsonNode details) {
        String rest = switch (action) {
            case "user.signed_in" -> "signed in";
            case "user.signed_out" -> "signed out";
            case "user.password_reset" -> "chose a new password with an emailed link";
            case "user.joined" -> "joined the team as " + role(text(details, "role"));
            case "user.invited" -> "invited " + text(details, "email") + " as " + role(text(details, "role"));
            case "user.role_changed" -> "changed a team member's role from " + role(text(details, "from")) + " to " + role(text(details, "to"));
            case "user.removed" -> "removed " + text(details, "email") + " from the team";
            case "return_policy.changed" -> "changed the return policy" + changes(details.path("changes"));
            case "return_policy.methods_changed" -> "let shoppers return by " + list(details.path("methods"));
            case "return_policy.override_set" -> "set a " + text(details, "days") + "-day window for "
                    + ("sku".equals(text(details, "kind")) ? "SKU " : "tag ") + text(details, "value");
            case "return_policy.override_removed" -> "removed a return-window override";
            case "return_reason.added" -> "added the return reason “" + text(details, "label") + "”";
            case "return_reason.changed" -> "changed the return reason “" + text(details, "label") + "”"
                    + (details.path("active").asBoolean(true) ? "" : " (hidden from shoppers)");
            case "store_location.added" -> "added the store " + text(details, "name") + " for in-store returns";
            case "store_location.shown" -> "listed a store for in-store returns again";
            case "store_location.hidden" -> "stopped listing a store for in-store returns";
            case "notification_triggers.changed" -> "changed which messages customers get";
            case "notification_timing.changed" -> "changed when messages are sent (quiet hours)";
            case "notification_template.saved" -> "saved the store's own words for " + template(details);
            case "notification_template.reset" -> "went back to the built-in words for " + template(details);
            case "notification_template.test_sent" -> "sent a test of " + template(details);
            case "message.resent" -> "sent message " + entityId + " again";
            case "email_sending.key_created" -> "made a signing key for " + text(details, "domain");
            case "email_sending.key_removed" -> "removed the email signing key";
            case "brand.restored" -> "went back to the branding before the last save";
            case "brand.logo_changed" -> "changed the logo";
            case "webhook_endpoint.added" -> "added the webhook endpoint " + text(details, "url");
            case "webhook_endpoint.tested" -> "sent a test event to a webhook endpoint";
            case "webhook_endpoint.removed" -> "removed a webhook endpoint";
            case "webhook_secret.set" -> "set the " + provider(entityId) + " webhook secret";
            case "import.csv" -> "imported " + text(details, "orders") + " orders and " + text(details, "shipments") + " shipments from a CSV file";
            case "demo.seeded" -> "set up the demo store";
            default -> otherwise(action, entityType, entityId, details);
        };
        return who + " " + rest;
    }

    private static String otherwise(String action, String entityType, String entityId, JsonNode details) {
        if (action.startsWith("return.")) { // a step of a return: return.approved, return.refunded, …
            String rma = details.hasNonNull("rma") ? details.get("rma").asText() : entityId;
            String step = action.substring("return.".length());
            return switch (step) {
                case "received" -> "marked return " + rma + " received";
                case "refunded" -> "refunded return " + rma + amount(details);
                case "credited" -> "gave store credit for return " + rma + amount(details);
                case "exchanged" -> "resolved return " + rma + " with an exchange";
                case "rejected" -> "rejected return " + rma + (details.hasNonNull("reason") ? ": “" + details.get("reason").asText() + "”" : "");
                default -> step.replace('_', ' ') + " return " + rma;
            };
        }
        if (action.startsWith("brand.")) {
            return "changed the branding" + changes(details.path("changes"));
        }
        if (action.startsWith("api_key.")) {
            return action.substring("api_key.".length()).replace('_', ' ') + " an API key" + (details.hasNonNull("name")
                    ? " (“" + details.get("name").asText() + "”)" : "");
        }
        // an action this page has no sentence for yet: its words, still readable
        return action.replace('.', ' ').replace('_', ' ') + (entityType == null ? "" : " (" + entityType.replace('_', ' ')
                + (entityId == null ? "" : " " + entityId) + ")");
    }

    /** ": window 30 → 45 days, restocking fee 0 → 10%" from {"window_days": ["30", "45"], …}. */
    static String changes(JsonNode changes) {
        if (changes == null || !changes.isObject() || changes.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        boolean address = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().startsWith("return_to_")) {
                address = true;
                continue;
            }
            String[] words = POLICY_FIELDS.getOrDefault(field.getKey(), new String[] {field.getKey().replace('_', ' '), ""});
            out.add(words[0] + " " + shown(field.getValue().path(0).asText("")) + " → " + shown(field.getValue().path(1).asText(""))
                    + words[1]);
        }
        if (address) {
            out.add("the return address");
        }
        return ": " + String.join(", ", out);
    }

    private static String shown(String value) {
        return value.isBlank() ? AdminWords.NONE : value;
    }

    private static String amount(JsonNode details) {
        return details.hasNonNull("amount") ? " (" + details.get("amount").asText() + ")" : "";
    }

    private static String template(JsonNode details) {
        return "“" + text(details, "template").replace('.', ' ').replace('_', ' ') + "” (" + text(details, "language").toUpperCase(Locale.ROOT) + ")";
    }

    private static String provider(String code) {
        return code == null ? "a provider's" : switch (code) {
            case "aftership" -> "AfterShip";
            case "easypost" -> "EasyPost";
            case "shopify" -> "Shopify";
            default -> code;
        };
    }

    private static String role(String code) {
        return switch (code) {
            case "owner" -> "an owner";
            case "admin" -> "an admin";
            case "support" -> "support staff";
            default -> code.isEmpty() ? "a member" : code;
        };
    }

    private static String list(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(app.landfall.admin.AdminWords.words(v.asText())));
        return out.isEmpty() ? AdminWords.NONE : String.join(", ", out);
    }

    private static String text(JsonNode details, String field) {
        JsonNode value = details.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }
}
