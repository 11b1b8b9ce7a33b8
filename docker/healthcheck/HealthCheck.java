import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Container health check without curl or wget in the runtime image: asks the service's own readiness probe
 * on 127.0.0.1 and exits 0 on HTTP 200, 1 otherwise (Docker's HEALTHCHECK contract).
 *
 * <p>Usage: {@code java -cp /opt/healthcheck HealthCheck [path]}; the port comes from {@code $PORT}
 * (default 8080) and the path defaults to {@code /readyz} (Spring Boot's readiness group on the service port; the
 * actuator itself is on the management port).
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        String path = args.length > 0 ? args[0] : "/readyz";
        String port = System.getenv().getOrDefault("PORT", "8080");
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                System.exit(0);
            }
            System.err.println(uri + " answered " + response.statusCode());
        } catch (Exception e) {
            System.err.println(uri + " failed: " + e);
        }
        System.exit(1);
    }
}
