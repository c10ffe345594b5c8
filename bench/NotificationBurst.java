import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The status-change burst of the notification benchmark (bench/notification-burst.sh): for each
 * status in STATUSES (default OutForDelivery,AttemptFail,Delivered: a delivery day) one event for
 * each shipment id in IDS_FILE, round after round, through POST /api/v1/events/batch, at a steady
 * RATE status changes per second (BATCH events per request, requests started on a fixed schedule,
 * up to 8 in flight when the server is slow). Each round's events are a second newer than the last
 * round's, so every event is a status change. Prints what it achieved.
 *
 * <pre>java bench/NotificationBurst.java BASE_URL API_KEY IDS_FILE [RATE] [BATCH] [STATUSES]   (RATE 0: as fast as it goes)</pre>
 */
public class NotificationBurst {
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java bench/NotificationBurst.java BASE_URL API_KEY IDS_FILE [RATE] [BATCH]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        String key = args[1];
        List<String> ids = Files.readAllLines(Path.of(args[2])).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        String[] statuses = (args.length > 5 ? args[5] : "OutForDelivery,AttemptFail,Delivered").split(",");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String run = Long.toString(System.currentTimeMillis(), 36);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(8);
        long start = System.nanoTime();
        int n = 0;
        for (int round = 0; round < statuses.length; round++) {
            String status = statuses[round];
            String at = first.plusSeconds(round).toString();
            for (int from = 0; from < ids.size(); from += batch, n++) {
                if (rate > 0) {
                    long due = start + (long) (n * (batch * 1e9 / rate));
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                StringBuilder body = new StringBuilder("{\"events\":[");
                List<String> part = ids.subList(from, Math.min(ids.size(), from + batch));
                for (int i = 0; i < part.size(); i++) {
                    body.append(i == 0 ? "" : ",").append("{\"shipment_id\":").append(part.get(i))
                            .append(",\"event_id\":\"burst-").append(run).append('-').append(round).append('-').append(part.get(i))
                            .append("\",\"occurred_at\":\"").append(at)
                            .append("\",\"status\":\"").append(status).append("\",\"location\":\"Chicago, IL, US\"}");
                }
                body.append("]}");
                int size = part.size();
                window.acquire();
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events/batch"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
                    window.release();
                    if (error == null && response.statusCode() == 200) {
                        accepted.addAndGet(size);
                    } else {
                        failed.addAndGet(size);
                        if (failed.get() <= size) {
                            String answer = error != null ? error.toString() : response.statusCode() + " " + response.body();
                            System.err.println("refused: " + answer.substring(0, Math.min(300, answer.length())));
                        }
                    }
                    return null;
                }));
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("events sent: %d accepted, %d refused in %.1f s (%.0f events/s; asked for %s)%n", accepted.get(), failed.get(),
                seconds, accepted.get() / seconds, rate > 0 ? rate + "/s" : "as fast as it goes");
    }
}
