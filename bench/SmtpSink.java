import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local SMTP sink for the notification benchmark (bench/notification-burst.sh): accepts every
 * message (250 after DATA), keeps none of it, and prints once a second how many it accepted in that
 * second and in all. One thread per connection; Landfall's senders keep their connections open.
 *
 * <pre>java bench/SmtpSink.java [PORT]     (default 2525; stop with Ctrl-C)</pre>
 */
public class SmtpSink {
    private static final AtomicLong TOTAL = new AtomicLong();
    private static final AtomicLong CONNECTIONS = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 2525;
        ServerSocket server = new ServerSocket(port, 128, java.net.InetAddress.getLoopbackAddress());
        System.out.println("SMTP sink on 127.0.0.1:" + port);
        Thread reporter = new Thread(() -> {
            long last = 0;
            long start = System.nanoTime();
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long now = TOTAL.get();
                if (now != last) {
                    System.out.printf("%7.1f s  %6d messages/s  %9d in all  %d connections%n",
                            (System.nanoTime() - start) / 1e9, now - last, now, CONNECTIONS.get());
                    last = now;
                }
            }
        });
        reporter.setDaemon(true);
        reporter.start();
        while (true) {
            Socket socket = server.accept();
            Thread t = new Thread(() -> serve(socket));
            t.setDaemon(true);
            t.start();
        }
    }

    private static void serve(Socket socket) {
        CONNECTIONS.incrementAndGet();
        try (socket) {
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1), 65536);
            OutputStream out = socket.getOutputStream();
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SIZE 10485760");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 go on");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is not kept
                        }
                        long n = TOTAL.incrementAndGet();
                        reply(out, "250 queued as sink-" + n);
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            CONNECTIONS.decrementAndGet();
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
