package app.landfall.hooks;

import com.fasterxml.jackson.databind.JsonNode;

final class ShopifyWebhook {
    static WebhookContent parse(String topic, String id, JsonNode body) throws InvalidPayload {
        throw new UnsupportedOperationException("placeholder until the mapper lands");
    }
}
