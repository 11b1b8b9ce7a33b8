package com.delivery.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Makes sure the declared servers answer before any Spring context tries to use them. */
public class InfrastructureExtension implements BeforeAllCallback {

    private static final Map<Infra, Boolean> CHECKED = new ConcurrentHashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        Infra[] needed = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), RequiresInfrastructure.class)
                .map(RequiresInfrastructure::value).orElse(new Infra[0]);
        List<Infra> missing = new ArrayList<>();
        for (Infra infra : needed) {
            if (!CHECKED.containsKey(infra)) {
                if (answers(infra)) {
                    CHECKED.put(infra, true);
                } else {
                    missing.add(infra);
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (DockerFallback.available()) {
            missing.forEach(infra -> {
                DockerFallback.start(infra);
                CHECKED.put(infra, true);
            });
            return;
        }
        throw new IllegalStateException("These servers do not answer: " + describe(missing)
                + ". Start the local infrastructure with `scripts/infra.sh start` (or point the *_HOST/*_PORT "
                + "variables at running servers).");
    }

    static boolean answers(Infra infra) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(infra.host(), infra.port()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(List<Infra> missing) {
        return String.join(", ", missing.stream().map(i -> i + " at " + i.host() + ":" + i.port()).toList());
    }
}
