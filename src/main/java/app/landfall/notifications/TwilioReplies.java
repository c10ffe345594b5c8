package app.landfall.notifications;

import static app.landfall.db.schema.Tables.MERCHANTS;

import app.landfall.config.Twilio;
import app.landfall.web.Problem;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.jooq.DSLContext;

/**
 * POST /hooks/twilio/{merchant}/inbound: a text someone sent back to a store's number, form-encoded
 * as Twilio sends it. A STOP (STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT) puts that number on the store's
 * list for that channel, and no text goes to it any more; START (UNSTOP) takes it off. Anything else
 * is left alone. The request must carry Twilio's X-Twilio-Signature over the URL as the public base
 * address (LANDFALL_BASE_URL) shows it: without a valid one it is refused with 403 and nothing is written.
 * Twilio is answered with an empty TwiML document, so it sends no reply of ours.
 */
public final class TwilioReplies {
    static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> START = Set.of("START", "UNSTOP");
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final DSLContext dsl;
    private final Clock clock;
    private final Optional<Twilio.Account> account;
    private final IntFunction<String> baseUrl;
    private final Suppressions suppressions = new Suppressions();

    /** {@code baseUrl}: the public address for a port (LANDFALL_BASE_URL, else this server), as Twilio signs it. */
    public TwilioReplies(DSLContext dsl, Clock clock, Twilio twilio, IntFunction<String> baseUrl) {
        this.dsl = dsl;
        this.clock = clock;
        this.account = twilio.account();
        this.baseUrl = baseUrl;
    }

    public void receive(Context ctx) {
        Map<String, List<String>> params = ctx.formParamMap();
        String url = baseUrl.apply(ctx.port()) + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        String signature = ctx.header("X-Twilio-Signature");
        if (account.isEmpty()) {
            Problem.of(403, "Forbidden", "No Twilio account is configured, so replies cannot be verified.").respond(ctx);
            return;
        }
        if (!TwilioSignature.verify(url, params, account.get().authToken(), signature)) {
            Problem.of(403, "Forbidden", signature == null ? "The X-Twilio-Signature header is missing."
                    : "The X-Twilio-Signature does not match this request.").respond(ctx);
            return;
        }
        Optional<Long> merchant = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq(ctx.pathParam("merchant")))
                .fetchOptional(MERCHANTS.ID);
        if (merchant.isEmpty()) {
            Problem.of(404, "Not Found", "No merchant with this address.").respond(ctx);
            return;
        }
        String from = Optional.ofNullable(ctx.formParam("From")).orElse("").strip();
        Notice.Channel channel = from.startsWith("whatsapp:") ? Notice.Channel.WHATSAPP : Notice.Channel.SMS;
        String number = channel == Notice.Channel.WHATSAPP ? from.substring("whatsapp:".length()) : from;
        if (!number.matches("\\+[1-9][0-9]{6,14}")) {
            Problem.of(400, "Bad Request", "From is not a number in E.164 (+14155552671).").respond(ctx);
            return;
        }
        String word = Optional.ofNullable(ctx.formParam("Body")).orElse("").strip().toUpperCase(Locale.ROOT);
        if (STOP.contains(word)) {
            suppressions.suppress(dsl, merchant.get(), channel, number, "Replied " + word, OffsetDateTime.now(clock));
        } else if (START.contains(word)) {
            suppressions.lift(dsl, merchant.get(), channel, number);
        }
        ctx.contentType("text/xml; charset=UTF-8").result(EMPTY_TWIML);
    }
}
