import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Drives bench/return-submit.sh: CONCURRENCY shoppers, each taking the next unused order and
 * POSTing the return form's final step (as a browser does after "Submit return"), for WARMUP
 * seconds (not kept) and then DURATION seconds; a 303 to the return's page is a success.
 *
 * usage: java bench/ReturnSubmit.java BASE_URL ORDERS_FILE CONCURRENCY DURATION WARMUP
 * ORDERS_FILE lines: merchant_id, reason_id, signed_links secret (hex), order_id, order_item_id (tab-separated)
 */
public class ReturnSubmit {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("--requests")) {
            writeRequests(Path.of(args[1]), args[2]);
            return;
        }
        String base = args[0];
        List<String[]> orders = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
        int concurrency = Integer.parseInt(args[2]);
        int duration = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        byte[] secret = HexFormat.of().parseHex(orders.get(0)[2]);
        AtomicInteger next = new AtomicInteger();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        for (int phase = 0; phase < 2; phase++) {
            int seconds = phase == 0 ? warmup : duration;
            if (seconds == 0) {
                continue;
            }
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicLong failures = new AtomicLong();
            List<Thread> shoppers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                Thread shopper = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        int n = next.getAndIncrement();
                        if (n >= orders.size()) {
                            return;
                        }
                        String[] o = orders.get(n);
                        long merchant = Long.parseLong(o[0]);
                        String link = sign(secret, merchant, Long.parseLong(o[3]));
                        String csrf = token(32);
                        String body = form("_csrf", csrf, "key", token(24), "step", "submit", "qty_" + o[4], "1",
                                "reason_" + o[4], o[1], "resolution", "refund", "method", "qr_dropoff");
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/bench-returns/returns/o/" + link))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "lf_csrf=" + csrf)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long start = System.nanoTime();
                        try {
                            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                            long took = System.nanoTime() - start;
                            if (response.statusCode() == 303 && response.headers().firstValue("Location").orElse("").startsWith("/r/")) {
                                latencies.add(took);
                            } else {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                });
                shoppers.add(shopper);
                shopper.start();
            }
            for (Thread shopper : shoppers) {
                shopper.join();
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            String label = phase == 0 ? "warm-up (not kept)" : "measured";
            if (sorted.length == 0) {
                System.out.printf("%s: no successful submits, %d failures%n", label, failures.get());
                continue;
            }
            System.out.printf("%s: %d shoppers, %d s: %d returns submitted, %.0f/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, failures %d%n",
                    label, concurrency, seconds, sorted.length, sorted.length / (double) seconds, ms(sorted, 0.50), ms(sorted, 0.90),
                    ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, failures.get());
            if (phase == 1) {
                System.out.printf("target (p99 < 100 ms): %s%n", ms(sorted, 0.99) < 100 ? "met" : "NOT met");
            }
            if (next.get() >= orders.size()) {
                System.out.println("(ran out of orders: pass a larger ORDERS)");
            }
        }
    }

    /**
     * For wrk (bench/return-submit.lua): one line per order, "path TAB cookie TAB body", each a
     * complete final-step POST of its own order, so the load generator does no work but sending.
     */
    static void writeRequests(Path out, String ordersFile) throws Exception {
        List<String[]> orders = Files.readAllLines(Path.of(ordersFile)).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
        byte[] secret = HexFormat.of().parseHex(orders.get(0)[2]);
        StringBuilder lines = new StringBuilder();
        for (String[] o : orders) {
            String csrf = token(32);
            lines.append("/bench-returns/returns/o/").append(sign(secret, Long.parseLong(o[0]), Long.parseLong(o[3]))).append('\t')
                    .append("lf_csrf=").append(csrf).append('\t')
                    .append(form("_csrf", csrf, "key", token(24), "step", "submit", "qty_" + o[4], "1",
                            "reason_" + o[4], o[1], "resolution", "refund", "method", "qr_dropoff"))
                    .append('\n');
        }
        Files.writeString(out, lines);
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** The same signed link Landfall's SignedLinks makes for purpose "return_flow", valid for an hour. */
    static String sign(byte[] secret, long merchantId, long orderId) {
        try {
            String body = orderId + "." + (System.currentTimeMillis() / 1000 + 3600);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] full = mac.doFinal(("return_flow|" + merchantId + "|" + body).getBytes(StandardCharsets.UTF_8));
            return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final SecureRandom RANDOM = new SecureRandom();

    static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String form(String... pairs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (s.length() > 0) {
                s.append('&');
            }
            s.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }
}
