package com.delivery.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services as the architecture names them (ports are the public contract), completed from the services' own
 * files: the stores each one declares in its pom, its database name and port defaults in application.yml, the
 * REST paths its controllers map. When a service changes, the deployment checks follow it.
 */
final class Architecture {

    enum Store { POSTGRES, REDIS, KAFKA, MONGODB, ELASTICSEARCH }

    record Service(String name, int port, Integer socketPort) {

        String fullName() {
            return name + "-service";
        }

        /** The actuator's own port (metrics, health tree): REST port + MANAGEMENT_PORT_OFFSET; never routed. */
        int managementPort() {
            return port + MANAGEMENT_PORT_OFFSET;
        }

        String dir() {
            return "services/" + fullName();
        }

        /** Stores from the pom's dependencies (the service guide says: declare only the stores you use). */
        Set<Store> stores() {
            String pom = Repo.text(dir() + "/pom.xml");
            Set<Store> stores = EnumSet.noneOf(Store.class);
            if (pom.contains("<artifactId>postgresql</artifactId>") || pom.contains("spring-boot-starter-data-jpa")) {
                stores.add(Store.POSTGRES);
            }
            if (pom.contains("spring-boot-starter-data-redis")) {
                stores.add(Store.REDIS);
            }
            if (pom.contains("spring-boot-starter-kafka")) {
                stores.add(Store.KAFKA);
            }
            if (pom.contains("spring-boot-starter-data-mongodb")) {
                stores.add(Store.MONGODB);
            }
            if (pom.contains("spring-boot-starter-data-elasticsearch")) {
                stores.add(Store.ELASTICSEARCH);
            }
            return stores;
        }

        boolean hasSocketGateway() {
            return Repo.text(dir() + "/pom.xml").contains("<artifactId>realtime</artifactId>");
        }

        private String applicationYml() {
            String file = dir() + "/src/main/resources/application.yml";
            return Repo.exists(file) ? Repo.text(file) : "";
        }

        /** Default of ${DB_NAME:...} in application.yml, or null without a datasource. */
        String databaseName() {
            Matcher m = Pattern.compile("\\$\\{DB_NAME:([A-Za-z0-9_]+)}").matcher(applicationYml());
            return m.find() ? m.group(1) : null;
        }

        /** Default of ${PORT:...} in application.yml, or null when the file does not set one. */
        Integer configuredPort() {
            Matcher m = Pattern.compile("\\$\\{PORT:(\\d+)}").matcher(applicationYml());
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }

        /** Default of ${MANAGEMENT_PORT:...} in application.yml (management.server.port), or null. */
        Integer configuredManagementPort() {
            Object configured = Y.get(Repo.yaml(dir() + "/src/main/resources/application.yml"), "management", "server", "port");
            Matcher m = Pattern.compile("^\\$\\{MANAGEMENT_PORT:(\\d+)}$").matcher(String.valueOf(configured));
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }

        /** Default of ${<NAME>_SOCKET_PORT:...} in application.yml, or null. */
        Integer configuredSocketPort() {
            Matcher m = Pattern.compile("\\$\\{" + socketPortVariable() + ":(\\d+)}").matcher(applicationYml());
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }

        String socketPortVariable() {
            return name.toUpperCase() + "_SOCKET_PORT";
        }

        /** Absolute paths of every controller mapping of the service's main code. */
        Set<String> controllerPaths() {
            return Controllers.paths(Repo.path(dir() + "/src/main/java"));
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("user", 3001, null),
            new Service("order", 3002, 3102),
            new Service("vendor", 3003, null),
            new Service("driver", 3004, null),
            new Service("payment", 3005, null),
            new Service("tracking", 3006, 3106),
            new Service("notification", 3007, null));

    static final String PROMETHEUS = "/prometheus";

    /**
     * Management port = REST port + 1000 (4001-4007): one scheme for the fleet on one machine, Compose and Kubernetes.
     * The benchmarks' instances (REST + 10000) follow it too (14001-14007).
     */
    static final int MANAGEMENT_PORT_OFFSET = 1000;

    private Architecture() {
    }

    static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name) || s.fullName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + name));
    }

    static Set<String> names() {
        Set<String> names = new TreeSet<>();
        SERVICES.forEach(s -> names.add(s.name()));
        return names;
    }

    /** Reads the REST mappings out of controller sources (class-level prefix + method-level paths). */
    static final class Controllers {

        private static final Pattern MAPPING = Pattern.compile(
                "@(Request|Get|Post|Put|Delete|Patch)Mapping\\s*(\\((?:[^()\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\))?");
        private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        private static final Pattern TYPE = Pattern.compile("\\b(class|record|interface)\\s+\\w+");

        private Controllers() {
        }

        static Set<String> paths(Path sourceRoot) {
            Set<String> paths = new TreeSet<>();
            if (!Files.isDirectory(sourceRoot)) {
                return paths;
            }
            try (var walk = Files.walk(sourceRoot)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                    String source = Repo.text(file);
                    if (source.contains("@RestController") || source.contains("@Controller")) {
                        paths.addAll(pathsOf(source));
                    }
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return paths;
        }

        static Set<String> pathsOf(String source) {
            Matcher type = TYPE.matcher(source);
            int classStart = type.find() ? type.start() : 0;
            List<String> prefixes = new ArrayList<>();
            List<List<String>> methods = new ArrayList<>();
            Matcher m = MAPPING.matcher(source);
            while (m.find()) {
                List<String> values = new ArrayList<>();
                if (m.group(2) != null) {
                    String args = m.group(2);
                    // only path/value literals: skip produces/consumes/headers/params
                    String pathArgs = args.replaceAll("(produces|consumes|headers|params|name)\\s*=\\s*(\\{[^}]*}|\"[^\"]*\"|[\\w.]+)", "");
                    Matcher lit = LITERAL.matcher(pathArgs);
                    while (lit.find()) {
                        values.add(lit.group(1));
                    }
                }
                if (m.start() < classStart && m.group(1).equals("Request")) {
                    prefixes.addAll(values);
                } else {
                    methods.add(values.isEmpty() ? List.of("") : values);
                }
            }
            if (prefixes.isEmpty()) {
                prefixes.add("");
            }
            Set<String> result = new TreeSet<>();
            for (String prefix : prefixes) {
                for (List<String> method : methods) {
                    for (String path : method) {
                        result.add(normalise(prefix + (path.isEmpty() || path.startsWith("/") ? path : "/" + path)));
                    }
                }
            }
            return result;
        }

        private static String normalise(String path) {
            String p = path.replaceAll("/+", "/");
            return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        }
    }

    /** Path of a controller mapping matched against a concrete or templated path (segments in braces match any). */
    static boolean pathMatches(String mapping, String concrete) {
        String[] a = mapping.split("/");
        String[] b = concrete.split("/");
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            boolean variable = a[i].startsWith("{") || b[i].startsWith("{") || b[i].startsWith("${") || b[i].startsWith("#{");
            if (!variable && !a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    static Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(s -> ports.put(s.fullName(), s.port()));
        return ports;
    }

    static Map<String, Set<String>> controllerPathsByService() {
        Map<String, Set<String>> all = new TreeMap<>();
        SERVICES.forEach(s -> all.put(s.name(), s.controllerPaths()));
        return all;
    }
}
