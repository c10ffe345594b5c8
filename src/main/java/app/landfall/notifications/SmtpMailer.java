package app.landfall.notifications;

import app.landfall.config.Mail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Properties;

/**
 * Builds each email as MIME (multipart/alternative: plain text, then HTML) and hands it to the
 * configured SMTP server with Angus Mail. Failures say whether trying again could help: a 5xx
 * answer or an address that cannot be is permanent; a 4xx, a timeout or a refused connection is not.
 */
final class SmtpMailer {
    private static final Session NO_SESSION = Session.getInstance(new Properties());
    private final Mail mail;
    private final Session session;
    private final InternetAddress fromAddress;

    SmtpMailer(Mail mail) {
        this.mail = mail;
        this.session = mail.server().map(SmtpMailer::session).orElse(null);
        try {
            this.fromAddress = new InternetAddress(mail.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("LANDFALL_MAIL_FROM is not an email address: " + mail.from(), e);
        }
    }

    /** Why an email did not go out, and whether trying later could help. */
    static final class Failure extends Exception {
        final boolean permanent;

        Failure(String message, boolean permanent) {
            super(message, null, false, false);
            this.permanent = permanent;
        }
    }

    boolean configured() {
        return session != null;
    }

    /**
     * The message as it goes out (also built when nothing sends it, so a bad address fails the same
     * way): its bytes written by {@link MimeBytes}, wrapped in a {@link MimeMessage} for the transport.
     */
    MimeMessage build(String recipient, EmailContents.Store store, EmailContent content, String html, String messageId,
            Instant date, java.util.Map<String, String> headers) throws Failure {
        InternetAddress to = recipient(recipient);
        String replyTo = null;
        if (store.replyTo() != null) {
            try {
                replyTo = new InternetAddress(store.replyTo(), true).getAddress();
            } catch (AddressException ignored) {
                // a support address the store typed badly: replies go to the sender address instead
            }
        }
        if (!MimeBytes.plain(content.language()) || !MimeBytes.plain(messageId)) {
            throw new Failure("The message could not be built: its language or Message-ID is not plain ASCII.", true);
        }
        MimeBytes bytes = new MimeBytes()
                .date(date)
                .addressHeader("From", store.name(), fromAddress.getAddress());
        if (replyTo != null) {
            bytes.header("Reply-To", replyTo);
        }
        bytes.header("To", to.getAddress())
                .header("Message-ID", messageId)
                .textHeader("Subject", content.subject())
                .header("Content-Language", content.language())
                .header("Auto-Submitted", "auto-generated");
        for (var header : new java.util.TreeMap<>(headers).entrySet()) {
            if (!MimeBytes.plain(header.getValue())) {
                throw new Failure("The message could not be built: header " + header.getKey() + " is not plain ASCII.", true);
            }
            bytes.header(header.getKey(), header.getValue());
        }
        String boundary = "=_landfall_" + Integer.toHexString(messageId.hashCode()) + "_" + Long.toHexString(date.toEpochMilli());
        return new RawMessage(session == null ? NO_SESSION : session, fromAddress, to,
                bytes.alternative(boundary, content.text(store.name()), html));
    }

    /** Sends it on a connection of its own; returns the server's answer to the message (its queue id, where it gives one). */
    String send(MimeMessage message) throws Failure {
        try (Connection connection = connection()) {
            return connection.send(message);
        }
    }

    /**
     * A connection to the mail server for one sender's run of messages, opened on the first message
     * and kept for the next ones (connecting costs more than a message does). It is opened again when
     * it has been idle for a while (servers close idle connections), after a message failed, and
     * after {@link #MESSAGES_PER_CONNECTION} messages (servers limit them).
     */
    Connection connection() {
        if (session == null) {
            throw new IllegalStateException("no mail server is configured");
        }
        return new Connection();
    }

    static final int MESSAGES_PER_CONNECTION = 100;
    private static final long IDLE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    final class Connection implements AutoCloseable {
        private Transport transport;
        private int sent;
        private long lastUsed;

        String send(MimeMessage message) throws Failure {
            try {
                if (transport != null && (sent >= MESSAGES_PER_CONNECTION || System.nanoTime() - lastUsed > IDLE_NANOS)) {
                    close();
                }
                if (transport == null) {
                    Mail.Server server = mail.server().orElseThrow();
                    Transport opened = session.getTransport();
                    opened.connect(server.host(), server.port(), server.user(), server.password());
                    transport = opened;
                    sent = 0;
                }
                transport.sendMessage(message, message.getAllRecipients());
                sent++;
                lastUsed = System.nanoTime();
                String answer = transport instanceof org.eclipse.angus.mail.smtp.SMTPTransport smtp ? smtp.getLastServerResponse() : null;
                return answer == null ? null : answer.strip();
            } catch (MessagingException e) {
                close(); // whatever state the conversation is in, the next message starts a new one
                throw classify(e);
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // closing a connection that broke: nothing to do
                }
                transport = null;
            }
        }
    }

    private static InternetAddress recipient(String address) throws Failure {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (parsed.getPersonal() != null || !address.equals(parsed.getAddress())) {
                throw new Failure("The recipient " + address + " is not a plain email address.", true);
            }
            return parsed;
        } catch (AddressException e) {
            throw new Failure("The recipient " + address + " is not an email address.", true);
        }
    }

    /** A 5xx from the server is permanent; anything else (4xx, no connection, a timeout) may pass. */
    private static Failure classify(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            int code = t instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException a ? a.getReturnCode()
                    : t instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException s ? s.getReturnCode()
                    : t instanceof org.eclipse.angus.mail.smtp.SMTPSenderFailedException f ? f.getReturnCode()
                    : 0;
            if (code > 0) {
                return new Failure("The mail server answered " + oneLine(t.getMessage()), code >= 500);
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t.getCause()) {
                Failure next = classify(m.getNextException() instanceof MessagingException n ? n
                        : new MessagingException(m.getMessage(), m.getNextException()));
                if (next.permanent) {
                    return next;
                }
            }
        }
        return new Failure("The mail server could not be reached or did not answer: " + oneLine(e.getMessage()), false);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static Session session(Mail.Server server) {
        String protocol = server.implicitTls() ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", server.host());
        p.put("mail." + protocol + ".port", String.valueOf(server.port()));
        p.put("mail." + protocol + ".auth", String.valueOf(server.user() != null));
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", "30000");
        p.put("mail." + protocol + ".writetimeout", "30000");
        p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        if (!server.implicitTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", String.valueOf(server.startTlsRequired()));
        }
        return Session.getInstance(p);
    }

    /**
     * A message whose bytes are already written: the transport reads its envelope (sender and
     * recipient) and writes the bytes as they are. Headers asked of it (tests, the transport) are
     * parsed from those bytes only when asked.
     */
    private static final class RawMessage extends MimeMessage {
        private final InternetAddress sender;
        private final InternetAddress to;
        private final byte[] raw;

        RawMessage(Session session, InternetAddress sender, InternetAddress to, byte[] raw) {
            super(session);
            this.sender = sender;
            this.to = to;
            this.raw = raw;
        }

        @Override
        public Address[] getFrom() {
            return new Address[] {sender};
        }

        @Override
        public Address[] getAllRecipients() {
            return new Address[] {to};
        }

        @Override
        public void writeTo(java.io.OutputStream os) throws java.io.IOException {
            os.write(raw);
        }

        @Override
        public void writeTo(java.io.OutputStream os, String[] ignoreList) throws java.io.IOException {
            os.write(raw);
        }
    }
}
