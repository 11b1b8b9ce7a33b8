package com.delivery.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import com.delivery.testsupport.fuzz.ApiFuzzer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every endpoint of docs/api/user-service.json under generated hostile requests: never a 5xx, every 4xx a problem
 * (issue 14). The user service signs its own tokens, so the fuzz logs in a user of each role first. Same Spring
 * configuration as {@link UserApiIT}, so the context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA})
class UserApiFuzzIT {

    private static final String PASSWORD = "Correct-horse-42";

    @LocalServerPort
    int port;

    @Test
    void hostileRequestsNeverGetA5xxAndAlwaysAProblem() {
        ApiClient api = ApiClient.onPort(port);
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : new String[] {"CUSTOMER", "VENDOR", "DRIVER"}) {
            tokens.put(role, tokenOfNew(api, role));
        }
        tokens.put("ADMIN", login(api, "root-admin@test.local", "Bootstrap-Admin-2026"));

        ApiFuzzer.of("user-service", port).tries(250).tokens(ApiFuzzer.byRole(tokens)).assertNoBrokenPromises();
    }

    private static String tokenOfNew(ApiClient api, String role) {
        String email = "fuzz-" + role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Response registered = api.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                "fullName", "Fuzz " + role, "role", role), null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return login(api, email, PASSWORD);
    }

    private static String login(ApiClient api, String email, String password) {
        Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.text("accessToken");
    }
}
