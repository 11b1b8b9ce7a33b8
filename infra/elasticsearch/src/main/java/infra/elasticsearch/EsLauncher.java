package infra.elasticsearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Starts a single-node Elasticsearch on 127.0.0.1 from the Maven Central jars (no distribution, no Docker).
 *
 * <p>Run with the server jars on the module path, this class on the class path:
 * {@code java --module-path lib --add-modules ALL-MODULE-PATH -cp launcher/es-launcher.jar
 * infra.elasticsearch.EsLauncher <home> <data> <logs> [httpPort]}. {@code <home>/modules} holds the
 * transport-netty4 module (HTTP). Stops cleanly on SIGTERM.
 */
public final class EsLauncher {

    private EsLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: EsLauncher <home> <data-dir> <logs-dir> [http-port]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path data = Path.of(args[1]).toAbsolutePath();
        Path logs = Path.of(args[2]).toAbsolutePath();
        String httpPort = args.length > 3 ? args[3] : "9200";
        Files.createDirectories(data);
        Files.createDirectories(logs);

        Settings settings = Settings.builder()
                .put("cluster.name", "delivery-local")
                .put("node.name", "local")
                .put("path.home", home.toString())
                .put("path.data", data.toString())
                .put("path.logs", logs.toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", "9300-9399")
                .put("discovery.type", "single-node")
                .put("logger.level", System.getProperty("es.logger.level", "INFO"))
                // no platform libraries (libvec/libzstd) outside the distribution: native access stays off, quietly
                .put("logger.org.elasticsearch.nativeaccess", "ERROR")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();

        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);

        Environment env = InternalSettingsPreparer.prepareEnvironment(
                settings, Map.of(), home.resolve("config"), () -> "local");
        PluginsLoader plugins = PluginsLoader.createPluginsLoader(
                PluginsLoader.loadModulesBundles(env.modulesDir()), Set.of(), Map.of());

        Node node = new Node(env, plugins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.prepareForClose();
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "es-shutdown"));

        node.start();
        System.out.println("elasticsearch " + org.elasticsearch.Build.current().version()
                + " listening on http://127.0.0.1:" + httpPort);
        stopped.await();
    }
}
