package app.landfall.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each audit entry reads as a sentence naming who did what, with what changed. */
class AuditSentencesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "return.approved | return | 12 | {\"rma\": \"R-1042\"} | Rowan approved return R-1042",
        "return.received | return | 12 | {\"rma\": \"R-1042\"} | Rowan marked return R-1042 received",
        "return.refunded | return | 12 | {\"rma\": \"R-1042\", \"amount\": \"$42.00\"} | Rowan refunded return R-1042 ($42.00)",
        "return.rejected | return | 12 | {\"rma\": \"R-1042\", \"reason\": \"Worn\"} | Rowan rejected return R-1042: “Worn”",
        "return_policy.changed | return_policy | 3 | {\"changes\": {\"window_days\": [\"30\", \"45\"]}} | Rowan changed the return policy: window 30 → 45 days",
        "return_policy.changed | return_policy | 3 | {\"changes\": {\"restocking_fee_percent\": [\"0\", \"10\"], \"return_to_city\": [\"A\", \"B\"]}} | Rowan changed the return policy: restocking fee 0 → 10%, the return address",
        "return_policy.changed | return_policy | 3 | {\"changes\": {\"keep_item_below\": [\"\", \"5.00\"]}} | Rowan changed the return policy: keep items worth less than — → 5.00",
        "return_policy.changed | return_policy | 3 | {\"window_days\": \"30\"} | Rowan changed the return policy",
        "return_policy.methods_changed | return_policy | 3 | {\"methods\": [\"qr_dropoff\", \"in_store\"]} | Rowan let shoppers return by QR drop-off, in store",
        "user.role_changed | user | 7 | {\"from\": \"support\", \"to\": \"admin\"} | Rowan changed a team member's role from support staff to an admin",
        "user.invited | user | | {\"email\": \"sam@example.com\", \"role\": \"support\"} | Rowan invited sam@example.com as support staff",
        "user.signed_in | user | 7 | {} | Rowan signed in",
        "webhook_secret.set | webhook_secret | aftership | {} | Rowan set the AfterShip webhook secret",
        "webhook_endpoint.added | webhook_endpoint | 2 | {\"url\": \"https://erp.example/hooks\"} | Rowan added the webhook endpoint https://erp.example/hooks",
        "something.new_here | widget | 9 | {} | Rowan something new here (widget 9)"})
    void an_entry_is_a_sentence(String action, String entityType, String entityId, String details, String sentence) throws Exception {
        assertEquals(sentence, AuditSentences.sentence("Rowan", action, entityType, entityId, JSON.readTree(details)));
    }
}
