package app.landfall.hooks;

import com.fasterxml.jackson.databind.JsonNode;

final class EasyPostWebhook {
    static WebhookContent parse(JsonNode body) throws InvalidPayload {
        throw new UnsupportedOperationException("placeholder until the mapper lands");
    }
}
