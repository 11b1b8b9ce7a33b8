package com.delivery.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import com.delivery.testsupport.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring configuration every integration test of the vendor service shares (so the context starts once),
 * against the real PostgreSQL+PostGIS, Redis, Kafka and Elasticsearch. The service reaches Elasticsearch through
 * {@link ElasticsearchLink}, so a test can take it away and bring it back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA, Infra.ELASTICSEARCH})
public abstract class VendorIT {

    @LocalServerPort
    int port;

    protected ApiClient api;
    protected Vendors vendors;
    protected String admin;

    @BeforeAll
    static void tokens() {
        TestTokens.install();
    }

    @DynamicPropertySource
    static void elasticsearchThroughTheLink(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> ElasticsearchLink.shared().uri());
    }

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
        admin = TestTokens.token(UUID.randomUUID(), "ADMIN");
        vendors = new Vendors(api, admin);
    }

    protected static String customer() {
        return TestTokens.token(UUID.randomUUID(), "CUSTOMER");
    }

    protected static String vendorUser() {
        return TestTokens.token(UUID.randomUUID(), "VENDOR");
    }

    protected static Response ok(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response;
    }
}
