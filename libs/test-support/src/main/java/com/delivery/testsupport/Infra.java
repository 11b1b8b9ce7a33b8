package com.delivery.testsupport;

/** The backing servers integration tests may need, with where to find them and which image runs them in Docker. */
public enum Infra {
    POSTGRES("POSTGRES_HOST", "POSTGRES_PORT", 5432, "postgis/postgis:16-3.4"),
    REDIS("REDIS_HOST", "REDIS_PORT", 6379, "redis:7-alpine"),
    KAFKA("KAFKA_HOST", "KAFKA_PORT", 9092, "apache/kafka:4.1.1"),
    ELASTICSEARCH("ELASTICSEARCH_HOST", "ELASTICSEARCH_PORT", 9200, "docker.elastic.co/elasticsearch/elasticsearch:9.2.2"),
    MONGODB("MONGODB_HOST", "MONGODB_PORT", 27017, "mongo:7");

    private final String hostVariable;
    private final String portVariable;
    private final int defaultPort;
    private final String image;

    Infra(String hostVariable, String portVariable, int defaultPort, String image) {
        this.hostVariable = hostVariable;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
        this.image = image;
    }

    public String host() {
        return setting(hostVariable, "127.0.0.1");
    }

    public int port() {
        return Integer.parseInt(setting(portVariable, String.valueOf(defaultPort)));
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String image() {
        return image;
    }

    public String hostVariable() {
        return hostVariable;
    }

    public String portVariable() {
        return portVariable;
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
