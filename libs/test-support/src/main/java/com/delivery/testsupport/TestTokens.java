package com.delivery.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.UUID;

/**
 * Access tokens for services other than the user service, signed like the user service signs them, with the
 * public key served over HTTP as a real JWKS endpoint. Call {@link #jwksUri()} (or {@link #install()}) before the
 * Spring context starts so {@code platform.security.jwks-uri} points at it.
 */
public final class TestTokens {

    public static final String ISSUER = "delivery-platform";
    private static final RSAKey KEY = generate();
    private static volatile String jwksUri;

    private TestTokens() {
    }

    /** Starts the JWKS endpoint once per JVM and points the services' setting at it. */
    public static synchronized String install() {
        if (jwksUri == null) {
            jwksUri = serveJwks();
            System.setProperty("platform.security.jwks-uri", jwksUri);
        }
        return jwksUri;
    }

    public static String jwksUri() {
        return install();
    }

    /** A valid 15-minute access token for the given user and roles ("CUSTOMER", "VENDOR", "DRIVER", "ADMIN"). */
    public static String token(UUID userId, String... roles) {
        return sign(userId, Duration.ofMinutes(15), KEY, roles);
    }

    public static String bearer(UUID userId, String... roles) {
        return "Bearer " + token(userId, roles);
    }

    public static String expiredToken(UUID userId, String... roles) {
        return sign(userId, Duration.ofMinutes(-5), KEY, roles);
    }

    /** Same claims, signed by a key the platform does not know. */
    public static String forgedToken(UUID userId, String... roles) {
        return sign(userId, Duration.ofMinutes(15), generate(), roles);
    }

    private static String sign(UUID userId, Duration validFor, RSAKey key, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", Arrays.asList(roles))
                .claim("email", userId + "@test.local")
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serveJwks() {
        byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            // several test contexts and busy machines fetch keys at once; one thread timed out under load
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
