package app.landfall.notifications;

import app.landfall.config.Twilio;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Twilio's Messages API (or one that speaks it): {@code POST /2010-04-01/Accounts/{sid}/Messages.json}
 * with the form fields To, From (or MessagingServiceSid) and Body, Basic auth with the account SID
 * and auth token. WhatsApp numbers are written {@code whatsapp:+E164} on both ends.
 */
final class TwilioMessages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final Twilio twilio;
    private final HttpClient http;

    TwilioMessages(Twilio twilio) {
        this.twilio = twilio;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Why a message was not accepted; {@code permanent} when sending it again would not help. */
    static final class Failure extends Exception {
        final boolean permanent;
        /** The provider's error code, if it gave one (21211: not a valid number; 21610: the recipient replied STOP). */
        final int code;

        Failure(String message, boolean permanent) {
            this(message, permanent, 0);
        }

        Failure(String message, boolean permanent, int code) {
            super(message, null, false, false);
            this.permanent = permanent;
            this.code = code;
        }
    }

    /** Twilio's answer for a number that replied STOP to the sender (its own opt-out list). */
    static final int UNSUBSCRIBED = 21610;

    /** The sender this channel would use; empty when texts on it are kept, not sent. */
    Optional<String> sender(Notice.Channel channel) {
        if (twilio.account().isEmpty()) {
            return Optional.empty();
        }
        return channel == Notice.Channel.WHATSAPP ? twilio.whatsappFrom() : twilio.smsFrom();
    }

    /** Sends a text to a number in E.164; returns the provider's message SID. */
    String send(Notice.Channel channel, String to, String body) throws Failure {
        Twilio.Account account = twilio.account().orElseThrow();
        String from = sender(channel).orElseThrow();
        Map<String, String> form = new LinkedHashMap<>();
        boolean whatsapp = channel == Notice.Channel.WHATSAPP;
        form.put("To", whatsapp ? "whatsapp:" + to : to);
        form.put(from.startsWith("MG") ? "MessagingServiceSid" : "From", whatsapp ? "whatsapp:" + from : from);
        form.put("Body", body);
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String credentials = Base64.getEncoder().encodeToString((account.sid() + ":" + account.authToken()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(twilio.apiUrl() + "/2010-04-01/Accounts/" + account.sid() + "/Messages.json"))
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encoded))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new Failure("The SMS provider did not answer in time.", false);
        } catch (IOException e) {
            throw new Failure("The SMS provider could not be reached (" + e.getClass().getSimpleName() + ").", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("Sending was interrupted.", false);
        }
        JsonNode answer = json(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String sid = answer.path("sid").asText("");
            if (sid.isEmpty()) {
                // accepted, but without an id: sending again could text the person twice
                throw new Failure("The SMS provider accepted the message but returned no message SID.", true);
            }
            return sid;
        }
        String detail = answer.has("code")
                ? "error " + answer.path("code").asText() + ": " + answer.path("message").asText("")
                : "HTTP " + status;
        boolean temporary = status == 429 || status >= 500;
        String reason = "The SMS provider refused the message: " + detail.strip();
        throw new Failure(reason.endsWith(".") ? reason : reason + ".", !temporary, answer.path("code").asInt(0));
    }

    private static JsonNode json(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
