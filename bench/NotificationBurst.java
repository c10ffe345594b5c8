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
 * status in STATUSES (default OutForDelivery) one event for each shipment in IDS_FILE (lines
 * "API_KEY SHIPMENT_ID": a store's key and one of its shipments; a request carries one store's
 * events), round after round, through POST /api/v1/events/batch, at a steady RATE status changes per
 * second (up to BATCH events per request, requests started on a fixed schedule, up to 8 in flight
 * when the server is slow). Each round's events are a second newer than the last round's, so every
 * event is a status change. Prints what it achieved.
 *
 * <pre>java bench/NotificationBurst.java BASE_URL IDS_FILE [RATE] [BATCH] [STATUSES]   (RATE 0: as fast as it goes)</pre>
 */
public class NotificationBurst {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java bench/NotificationBurst.java BASE_URL IDS_FILE [RATE] [BATCH] [STATUSES]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        List<String[]> lines = Files.readAllLines(Path.of(args[1])).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.split("\\s+")).toList();
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        String[] statuses = (args.length > 4 ? args[4] : "OutForDelivery").split(",");
        // requests: runs of up to BATCH consecutive lines of one store
        List<List<String[]>> requests = new ArrayList<>();
        for (String[] line : lines) {
            List<String[]> last = requests.isEmpty() ? null : requests.get(requests.size() - 1);
            if (last == null || last.size() == batch || !last.get(0)[0].equals(line[0])) {
                requests.add(last = new ArrayList<>());
            }
            last.add(line);
        }
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
            for (List<String[]> part : requests) {
                if (rate > 0) {
                    long due = start + (long) (n * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                StringBuilder body = new StringBuilder("{\"events\":[");
                for (int i = 0; i < part.size(); i++) {
                    body.append(i == 0 ? "" : ",").append("{\"shipment_id\":").append(part.get(i)[1])
                            .append(",\"event_id\":\"burst-").append(run).append('-').append(round).append('-').append(part.get(i)[1])
                            .append("\",\"occurred_at\":\"").append(at)
                            .append("\",\"status\":\"").append(status).append("\",\"location\":\"Chicago, IL, US\"}");
                }
                body.append("]}");
                int size = part.size();
                n += size;
                String key = part.get(0)[0];
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
