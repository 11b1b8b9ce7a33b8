package infra.mongodb;

import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Runs mongo-java-server (MongoDB wire protocol, in-memory backend) until SIGTERM.
 * Usage: {@code java -cp 'lib/*' infra.mongodb.MongoLauncher [host] [port]} (default 127.0.0.1 27017).
 */
public final class MongoLauncher {

    private MongoLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;

        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind(host, port);
        System.out.println("mongo-java-server (memory backend) listening on " + host + ":" + port);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }, "mongo-shutdown"));
        stopped.await();
    }
}
