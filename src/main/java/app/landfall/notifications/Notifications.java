package app.landfall.notifications;

import app.landfall.config.Mail;
import app.landfall.config.Twilio;
import app.landfall.ops.BackgroundJobs;
import app.landfall.web.Templates;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Messages to people: the outbox every feature writes its notices to ({@link Outbox}), and the
 * senders that deliver them. Email goes through the SMTP server in LANDFALL_SMTP_URL, SMS and WhatsApp
 * through a Twilio-compatible Messages API (LANDFALL_TWILIO_*); without them each message is rendered
 * and kept, so the admin can see what would have gone out.
 */
public final class Notifications {
    private final Outbox outbox;
    private final EmailDelivery email;
    private final TextDelivery texts;
    private final boolean mailServer;

    /** {@code siteUrl}: the address links in messages start with (LANDFALL_BASE_URL, else this server). */
    public Notifications(DSLContext dsl, Clock clock, Outbox outbox, Templates templates, Mail mail, Twilio twilio,
            Supplier<String> siteUrl) {
        this.outbox = outbox;
        SmtpMailer mailer = new SmtpMailer(mail);
        this.mailServer = mailer.configured();
        this.email = new EmailDelivery(dsl, outbox, clock, new EmailContents(dsl, clock, siteUrl), templates, mailer, mail.from());
        this.texts = new TextDelivery(dsl, outbox, new Suppressions(), clock, new TextContents(dsl, siteUrl), new TwilioMessages(twilio));
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Whether emails really go out (else they are kept as unsent). */
    public boolean sendsEmail() {
        return mailServer;
    }

    /** Sends every due email now; the background job does the same every second. */
    public int sendEmails() {
        return email.run();
    }

    /** Sends every due SMS and WhatsApp message now; the background job does the same every second. */
    public int sendTexts() {
        return texts.run();
    }

    public void schedule(BackgroundJobs jobs) {
        // every second: an urgent message (out for delivery, a password link) leaves within seconds
        jobs.schedule("emails sent", Duration.ofSeconds(1), Duration.ofSeconds(1), email::run);
        jobs.schedule("texts sent", Duration.ofSeconds(1), Duration.ofSeconds(1), texts::run);
    }
}
