package app.landfall.hooks;

import app.landfall.auth.Digests;
import app.landfall.web.Json;
import app.landfall.web.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.HexFormat;

/**
 * POST /hooks/{provider}/{merchant}: a delivery from AfterShip, EasyPost or Shopify. In this order:
 * unknown merchant 404; bad or missing signature 401 (nothing stored); not JSON 400; JSON of the wrong
 * shape 422 (nothing stored); otherwise stored and applied in one transaction, then 200, except that data
 * the database refuses for good is 422 too (nothing stored, no retries). Bodies over
 * the server's limit (1 MB) are refused with 413 before any of this.
 */
public final class Webhooks {
    private final WebhookSecrets secrets;
    private final WebhookInbox inbox;
    private final ObjectMapper json = Json.mapper();

    public Webhooks(WebhookSecrets secrets, WebhookInbox inbox) {
        this.secrets = secrets;
        this.inbox = inbox;
    }

    /** The answer to an accepted delivery; {@code duplicate} when it had been applied before. */
    record Received(String status, long inboxId, int orders, int shipments, int eventsStored) {
    }

    public void receive(Context ctx, Provider provider) {
        var lookup = secrets.lookup(ctx.pathParam("merchant"), provider);
        if (lookup.isEmpty()) {
            Problem.of(404, "Not Found", "No merchant with this address.").respond(ctx);
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        String signature = ctx.header(provider.signatureHeader());
        if (lookup.get().secret().isEmpty()) {
            Problem.of(401, "Unauthorized", "This merchant has no " + provider.displayName()
                    + " webhook secret set up, so deliveries cannot be verified.").respond(ctx);
            return;
        }
        if (!provider.signatures().verify(body, lookup.get().secret().get(), signature)) {
            Problem.of(401, "Unauthorized", signature == null
                    ? "The " + provider.signatureHeader() + " signature header is missing."
                    : "The " + provider.signatureHeader() + " signature does not match the body.").respond(ctx);
            return;
        }
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (IOException e) {
            payload = null;
        }
        if (payload == null || !payload.isObject()) {
            Problem.of(400, "Bad Request", "The body is not a JSON object (UTF-8).").respond(ctx);
            return;
        }
        String topic = provider == Provider.SHOPIFY ? ctx.header("X-Shopify-Topic") : null;
        WebhookContent content;
        try {
            content = provider.parse(topic, ctx.header("X-Shopify-Webhook-Id"), payload);
        } catch (InvalidPayload e) {
            Problem.of(422, "Unprocessable Content", "The payload is not a " + provider.displayName()
                    + " delivery Landfall understands; nothing was stored.").with("errors", e.errors()).respond(ctx);
            return;
        }
        if (content.deliveryId() == null) {
            content = new WebhookContent("sha256:" + HexFormat.of().formatHex(Digests.sha256(body)),
                    content.orders(), content.shipments());
        }
        try {
            WebhookInbox.Outcome outcome = inbox.receive(lookup.get().merchantId(), provider, topic, body, content);
            ctx.json(new Received(outcome.duplicate() ? "duplicate" : "processed", outcome.inboxId(),
                    outcome.orders(), outcome.shipments(), outcome.eventsStored()));
        } catch (WebhookInbox.Refused e) {
            Problem.of(422, "Unprocessable Content", "The delivery has a value Landfall cannot store, so sending it again will not "
                    + "help; nothing was stored.").respond(ctx);
        } catch (WebhookInbox.ApplyFailed e) {
            Problem.of(500, "Internal Server Error", "The delivery was stored (inbox entry " + e.inboxId
                    + ") but could not be applied; it will be retried.").respond(ctx);
        }
    }
}
