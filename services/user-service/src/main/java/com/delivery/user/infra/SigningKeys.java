package com.delivery.user.infra;

import com.delivery.user.app.UserProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RS256 signing key: from configuration (PEM, PKCS#8) in real deployments; in the local and test profiles a
 * key generated once and kept in a file, so a restart does not log everyone out.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    static RSAKey load(UserProperties.Jwt settings, boolean generationAllowed) {
        if (settings.privateKey() != null && !settings.privateKey().isBlank()) {
            return fromPem(settings.privateKey());
        }
        if (!generationAllowed) {
            throw new IllegalStateException("USER_JWT_PRIVATE_KEY (user.jwt.private-key) must hold the RS256 signing key "
                    + "as PKCS#8 PEM; a generated key is only allowed in the local and test profiles");
        }
        Path file = Path.of(settings.generatedKeyFile());
        try {
            if (Files.exists(file)) {
                return fromPem(Files.readString(file));
            }
            RSAKey generated = new RSAKeyGenerator(2048).generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generated.toPrivateKey().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(file, pem);
            log.info("Generated a local JWT signing key in {}", file.toAbsolutePath());
            return fromPem(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey fromPem(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint().build();
        } catch (Exception e) {
            throw new IllegalStateException("The JWT signing key is not a valid PKCS#8 RSA private key", e);
        }
    }
}
