package com.delivery.user.api;

import com.delivery.user.app.PublicJwks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication")
class JwksController {

    private final PublicJwks jwks;

    JwksController(PublicJwks jwks) {
        this.jwks = jwks;
    }

    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "Public keys that verify access tokens (every other service reads this)")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                .body(jwks.json());
    }
}
