package app.landfall.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Optional;

/** The services that push data to Landfall by webhook, each with its signature header and payload format. */
public enum Provider {
    AFTERSHIP("aftership", "AfterShip", WebhookSignatures.AFTERSHIP, "aftership-hmac-sha256"),
    EASYPOST("easypost", "EasyPost", WebhookSignatures.EASYPOST, "X-Hmac-Signature"),
    SHOPIFY("shopify", "Shopify", WebhookSignatures.SHOPIFY, "X-Shopify-Hmac-Sha256");

    private final String code;
    private final String displayName;
    private final WebhookSignatures signatures;
    private final String signatureHeader;

    Provider(String code, String displayName, WebhookSignatures signatures, String signatureHeader) {
        this.code = code;
        this.displayName = displayName;
        this.signatures = signatures;
        this.signatureHeader = signatureHeader;
    }

    /** As in URLs, the database and tracking_events.source: aftership, easypost, shopify. */
    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public String signatureHeader() {
        return signatureHeader;
    }

    public WebhookSignatures signatures() {
        return signatures;
    }

    public static Optional<Provider> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    /** The delivery in Landfall's terms; {@code topic} and {@code deliveryId} come from headers (Shopify). */
    WebhookContent parse(String topic, String deliveryId, JsonNode body) throws InvalidPayload {
        return switch (this) {
            case AFTERSHIP -> AfterShipWebhook.parse(body);
            case EASYPOST -> EasyPostWebhook.parse(body);
            case SHOPIFY -> ShopifyWebhook.parse(topic, deliveryId, body);
        };
    }
}
