package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.config.Config;
import app.landfall.db.Database;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * A real Landfall process is killed (SIGKILL) while its mail server holds an email it has received
 * but not yet accepted. The message is not lost: the next process sends it once its claim runs out,
 * and it arrives once more — at most one duplicate for the crash.
 */
class SenderCrashIT {

    @Test
    void a_process_killed_mid_send_loses_nothing_and_the_next_one_sends_it_once() throws Exception {
        String databaseUrl = TestDatabase.freshDatabaseUrl();
        long merchant;
        try (Database db = Database.start(TestDatabase.config(Map.of("DATABASE_URL", databaseUrl)))) {
            merchant = TestMerchants.create(db.dsl(), "harbour");
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            db.dsl().transaction(cfg -> new Outbox().add(DSL.using(cfg), Notice.staffEmail(merchant, "admin.password_reset",
                    "ada@harbour.example", Map.of("link", "https://landfall.example/admin/password/reset/abc"), "test:crash"), now));
        }

        try (ServerSocket stalling = new ServerSocket(0)) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> holdTheMessage(stalling));
            Process landfall = startProcess(Map.of("DATABASE_URL", databaseUrl, "PORT", "0", "LANDFALL_DEMO", "false",
                    "LANDFALL_DATA_DIR", Path.of("target", "test-data").toString(),
                    "LANDFALL_SMTP_URL", "smtp://127.0.0.1:" + stalling.getLocalPort()));
            try {
                String message = received.get(90, TimeUnit.SECONDS);
                assertTrue(message.contains("Subject: Reset your password for Harbour"), message);
            } finally {
                landfall.destroyForcibly(); // SIGKILL: no shutdown hook runs
                assertTrue(landfall.waitFor(30, TimeUnit.SECONDS));
            }
        }

        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        // the killed process's claim lasts five minutes: the next process finds it once that is over
        TestClock later = new TestClock(Instant.now().plus(EmailDelivery.LEASE).minusSeconds(60));
        Config config = TestDatabase.config(Map.of("DATABASE_URL", databaseUrl, "LANDFALL_BACKGROUND_JOBS", "false",
                "LANDFALL_SMTP_URL", "smtp://127.0.0.1:" + smtp.getSmtp().getPort()));
        try (Landfall restarted = Landfall.start(config, later)) {
            var row = restarted.database().dsl().selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchant)).fetchSingle();
            assertEquals("sending", row.getStatus(), "the crash left the claim behind");
            assertEquals(0, restarted.notifications().sendEmails(), "not taken while another sender may still hold it");
            later.advance(Duration.ofMinutes(2));
            assertEquals(1, restarted.notifications().sendEmails());
            assertEquals(0, restarted.notifications().sendEmails());
            assertEquals(1, smtp.getReceivedMessages().length, "sent once more, and only once");
            row = restarted.database().dsl().selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchant)).fetchSingle();
            assertEquals("sent", row.getStatus());
            assertEquals(2, row.getAttempts());
        } finally {
            smtp.stop();
        }
    }

    /** An SMTP server that takes the whole message and never answers it; returns the message once it has it all. */
    private static String holdTheMessage(ServerSocket server) {
        try {
            Socket socket = server.accept();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            say(out, "220 stalling ESMTP");
            StringBuilder message = new StringBuilder();
            boolean data = false;
            for (String line; (line = in.readLine()) != null; ) {
                if (data) {
                    if (line.equals(".")) {
                        return message.toString(); // received, never acknowledged: the sender waits for an answer
                    }
                    message.append(line).append('\n');
                } else if (line.toUpperCase().startsWith("EHLO")) {
                    say(out, "250-stalling\r\n250 8BITMIME");
                } else if (line.toUpperCase().startsWith("DATA")) {
                    say(out, "354 go ahead");
                    data = true;
                } else {
                    say(out, "250 OK");
                }
            }
            throw new IllegalStateException("the connection closed before the message was complete");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static Process startProcess(Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "app.landfall.Landfall")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "sender-crash-process.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(new HashMap<>(env));
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return builder.start();
    }
}
