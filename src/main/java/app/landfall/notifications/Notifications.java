package app.landfall.notifications;

import app.landfall.admin.AdminPages;
import app.landfall.audit.AuditTrail;
import app.landfall.auth.InstanceSecrets;
import app.landfall.auth.SignedLinks;
import app.landfall.config.SecretKey;
import app.landfall.branding.BrandedPages;
import app.landfall.merchants.Merchants;
import app.landfall.config.Mail;
import app.landfall.config.Twilio;
import app.landfall.ops.BackgroundJobs;
import app.landfall.web.ClientAddress;
import app.landfall.web.Templates;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Messages to people: the outbox every feature writes its notices to ({@link Outbox}), and the
 * senders that deliver them. Email goes through the SMTP server in LANDFALL_SMTP_URL, SMS and WhatsApp
 * through a Twilio-compatible Messages API (LANDFALL_TWILIO_*); without them each message is rendered
 * and kept, so the admin can see what would have gone out (the Messages screen, {@link MessagesScreen},
 * which other features' pages link to through {@link #messagesForReturn}). Also the store's switches
 * for which moments tell customers ({@link NotificationSettings}) and the STOP/START replies to texts.
 */
public final class Notifications {
    private final Outbox outbox;
    private final EmailDelivery email;
    private final TextDelivery texts;
    private final boolean mailServer;
    private final MessageLog log;
    private final MessagesScreen messages;
    private final NotificationSettings settings;
    private final MessageEditor editor;
    private final TwilioReplies replies;
    private final EmailPreferences preferences;
    private final Signups signups;
    private final SubscriptionConfirmations confirmations;
    private final ShipmentReminders reminders;
    private final MessageClicks clicks;
    private final EmailSendingSettings sending;
    private final MessagesOverview overview;

    /**
     * {@code siteUrl}: the address links in messages start with (LANDFALL_BASE_URL, else this
     * server); read only when a message is rendered, so it may name a server not started yet.
     * {@code baseUrl}: the same for a request's port (the signed URL of a text reply).
     */
    public Notifications(DSLContext dsl, Clock clock, Outbox outbox, Templates templates, Mail mail, Twilio twilio,
            Supplier<String> siteUrl, IntFunction<String> baseUrl, AuditTrail audit, ClientAddress clientAddress, SignedLinks links,
            BrandedPages pages, Merchants merchants, Optional<SecretKey> secretKey) {
        this.outbox = outbox;
        SmtpMailer mailer = new SmtpMailer(mail);
        Optional<DkimKeys> dkimKeys = secretKey.map(DkimKeys::new);
        ClickLinks clickLinks = new ClickLinks(InstanceSecrets.load(dsl, "message_clicks"), siteUrl);
        this.clicks = new MessageClicks(dsl, outbox, clickLinks, clock, siteUrl);
        DkimSigning dkim = new DkimSigning(dsl, dkimKeys, mail.from());
        this.sending = new EmailSendingSettings(dsl, clock, audit, clientAddress, dkimKeys, mail.from(), dkim::forget);
        this.mailServer = mailer.configured();
        EmailContents contents = new EmailContents(dsl, clock, siteUrl);
        Suppressions suppressions = new Suppressions();
        Unsubscribes unsubscribes = new Unsubscribes(dsl, links, siteUrl);
        this.email = new EmailDelivery(dsl, outbox, clock, contents, templates, mailer, mail.from(), suppressions, unsubscribes,
                dkim, clickLinks);
        OrderSubscriptions subscriptions = new OrderSubscriptions();
        this.preferences = new EmailPreferences(dsl, clock, unsubscribes, suppressions, pages, merchants, subscriptions);
        this.signups = new Signups(dsl, clock, outbox, subscriptions, links, siteUrl);
        this.confirmations = new SubscriptionConfirmations(dsl, clock, links, subscriptions, pages, merchants);
        this.texts = new TextDelivery(dsl, outbox, suppressions, clock, new TextContents(dsl, siteUrl, clickLinks, contents::values), new TwilioMessages(twilio));
        this.log = new MessageLog(dsl);
        this.overview = new MessagesOverview(dsl);
        this.messages = new MessagesScreen(dsl, log, outbox, contents, audit, clientAddress, clock, mailServer, mail.from());
        this.settings = new NotificationSettings(dsl, clock, audit, clientAddress, textsKept(twilio));
        this.editor = new MessageEditor(dsl, clock, outbox, new MessagePreview(dsl, contents, templates), audit, clientAddress, mailServer,
                contents::forgetWords);
        this.replies = new TwilioReplies(dsl, clock, twilio, baseUrl);
        this.reminders = new ShipmentReminders(dsl, clock, outbox);
    }

    /** Settings › Notifications: which moments tell customers, on which channel. */
    public NotificationSettings settings() {
        return settings;
    }

    /** Settings › Email sending: the store's DKIM domain and key. */
    public EmailSendingSettings sending() {
        return sending;
    }

    /** /m/{code}: a click on the link in a message, counted, then on to its page. */
    public MessageClicks clicks() {
        return clicks;
    }

    /** Settings › Notifications › Edit message: a store's own words for one message in one language. */
    public MessageEditor editor() {
        return editor;
    }

    /** A shopper's email preferences page, /u/{token}: unsubscribing (also RFC 8058 one-click) and subscribing again. */
    public EmailPreferences preferences() {
        return preferences;
    }

    /** "Get updates by email or text" on a tracking page (the tracking feature asks through this). */
    public app.landfall.tracking.UpdateSignups signups() {
        return signups;
    }

    /** The link in a message confirming such a sign-up, /s/{token}. */
    public SubscriptionConfirmations confirmations() {
        return confirmations;
    }

    /** The STOP/START replies to texts (Twilio's inbound webhook). */
    public TwilioReplies replies() {
        return replies;
    }
    /** A message as another feature's admin page lists it, linking to /admin/messages/{id}. */
    public record MessageLine(long id, String when, String channel, String title, String status, String tone) {
    }

    /** The Messages screen: the mailbox, one message, its HTML preview, resending. */
    public MessagesScreen messages() {
        return messages;
    }

    /** The store's messages (emails, texts) about one return, newest first, times in {@code zone}. */
    public List<MessageLine> messagesForReturn(long merchantId, long returnId, ZoneId zone) {
        return lines(log.about(merchantId, null, returnId), zone);
    }

    /** The store's messages about one parcel, newest first, times in {@code zone}. */
    public List<MessageLine> messagesForShipment(long merchantId, long shipmentId, ZoneId zone) {
        return lines(log.about(merchantId, shipmentId, null), zone);
    }

    private static List<MessageLine> lines(List<app.landfall.db.schema.tables.records.NotificationOutboxRecord> rows, ZoneId zone) {
        return rows.stream().map(r -> {
            MessageStatus status = MessageStatus.of(r.getStatus());
            return new MessageLine(r.getId(), AdminPages.time(r.getCreatedAt(), zone), MessageLog.channelLabel(r.getChannel()),
                    MessageLog.title(r), status.label(), status.tone());
        }).toList();
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Which texts are kept unsent for want of a Twilio account or sender (Settings › Notifications says so); null: none. */
    /**
     * Which texts stay unsent on this server and why, in words, then (after a "|") the settings that
     * would send them, which the page shows only as a hint for whoever runs the server.
     */
    private static String textsKept(Twilio twilio) {
        boolean sms = twilio.account().isPresent() && twilio.smsFrom().isPresent();
        boolean whatsapp = twilio.account().isPresent() && twilio.whatsappFrom().isPresent();
        if (sms && whatsapp) {
            return null;
        }
        return (sms ? "WhatsApp messages are" : whatsapp ? "SMS are" : "SMS and WhatsApp messages are")
                + " written and kept here unsent (you can read them in Messages): "
                + (twilio.account().isEmpty() ? "no Twilio account is connected to this Landfall yet."
                        : "the Twilio account has no " + (sms ? "WhatsApp" : whatsapp ? "SMS" : "SMS or WhatsApp") + " sender number yet.")
                + " Whoever runs this Landfall can connect it.|"
                + (twilio.account().isEmpty() ? "LANDFALL_TWILIO_ACCOUNT_SID, LANDFALL_TWILIO_AUTH_TOKEN and " : "")
                + (sms ? "LANDFALL_TWILIO_WHATSAPP_FROM" : whatsapp ? "LANDFALL_TWILIO_SMS_FROM"
                        : "LANDFALL_TWILIO_SMS_FROM or LANDFALL_TWILIO_WHATSAPP_FROM");
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

    /** Writes the pickup reminders due now (the day before a pickup deadline); the background job does the same. */
    public int remindPickups() {
        return reminders.remindPickups();
    }

    /** Writes the review requests due now (the store's days after delivery); the background job does the same. */
    public int requestReviews() {
        return reminders.requestReviews();
    }

    public void schedule(BackgroundJobs jobs) {
        jobs.schedule("pickup reminders written", Duration.ofMinutes(1), Duration.ofMinutes(15), reminders::remindPickups);
        jobs.schedule("review requests written", Duration.ofMinutes(2), Duration.ofMinutes(15), reminders::requestReviews);
        // every second: an urgent message (out for delivery, a password link) leaves within seconds
        jobs.schedule("emails sent", Duration.ofSeconds(1), Duration.ofSeconds(1), email::run);
        jobs.schedule("texts sent", Duration.ofSeconds(1), Duration.ofSeconds(1), texts::run);
    }

    /** Failed messages on the admin overview. */
    public app.landfall.admin.OverviewSection overview() {
        return overview;
    }
}
