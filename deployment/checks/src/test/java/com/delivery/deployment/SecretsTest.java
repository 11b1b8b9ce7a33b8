package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** No secret value is committed with the deployment files: only references to secrets, or obvious placeholders. */
class SecretsTest {

    /** Names of settings whose values are secrets. */
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|API_KEY|CREDENTIALS|MONGODB_URI|ACCOUNT_SID).*");

    /** Shapes of real credentials. */
    static final Map<String, Pattern> CREDENTIAL_SHAPES = Map.of(
            "Stripe key", Pattern.compile("\\b(sk|rk)_(live|test)_[A-Za-z0-9]{16,}"),
            "Stripe webhook secret", Pattern.compile("\\bwhsec_[A-Za-z0-9]{20,}"),
            "PEM private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            "AWS access key", Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            "SendGrid key", Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}"),
            "Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
            "Twilio auth", Pattern.compile("\\bAC[0-9a-f]{32}\\b"));

    static List<Path> deploymentFiles() {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("deployment/kubernetes", "deployment/monitoring", "deployment/scripts", "terraform", ".github",
                "loadtest/k6", "loadtest/gatling/src", "docker")) {
            for (String suffix : List.of(".yaml", ".yml", ".tf", ".tfvars", ".json", ".js", ".java", ".sh", ".tpl", ".txt")) {
                files.addAll(Repo.files(dir, suffix));
            }
        }
        files.add(Repo.path("docker-compose.yml"));
        files.add(Repo.path("Dockerfile"));
        return files;
    }

    @Test
    void noFileHoldsSomethingShapedLikeACredential() {
        List<String> found = new ArrayList<>();
        for (Path file : deploymentFiles()) {
            String text = Repo.text(file);
            CREDENTIAL_SHAPES.forEach((what, pattern) -> {
                if (pattern.matcher(text).find()) {
                    found.add(what + " in " + Repo.relative(file));
                }
            });
        }
        assertThat(found).isEmpty();
    }

    @Test
    void kubernetesManifestsAndValuesOnlyReferenceSecrets() {
        List<String> found = new ArrayList<>();
        // chart templates are Go templates, not YAML: HelmRenderTest checks what they render
        List<Path> files = Repo.files("deployment/kubernetes", ".yaml").stream()
                .filter(p -> !p.toString().contains("/templates/")).toList();
        for (Path file : files) {
            for (Map<String, Object> doc : Repo.documents(Repo.text(file))) {
                if ("Secret".equals(doc.get("kind")) && (doc.containsKey("data") || doc.containsKey("stringData"))) {
                    found.add("Secret with data in " + Repo.relative(file));
                }
                scan(doc, "", Repo.relative(file), found);
            }
        }
        assertThat(found).isEmpty();
    }

    /** Any map entry named like a secret (env var in a ConfigMap, values key) must not carry a literal value. */
    @SuppressWarnings("unchecked")
    private static void scan(Object node, String path, String file, List<String> found) {
        if (node instanceof Map<?, ?> map) {
            Object name = map.get("name");
            if (name != null && map.containsKey("value") && SECRET_NAME.matcher(String.valueOf(name)).matches()) {
                found.add(file + ": env " + name + " has a literal value");
            }
            for (var entry : ((Map<String, Object>) map).entrySet()) {
                String key = String.valueOf(entry.getKey());
                Object value = entry.getValue();
                boolean reference = path.endsWith("secretEnv") || path.endsWith("commonSecretEnv");
                if (!reference && secretKey(key) && (value instanceof String || value instanceof Number)
                        && !placeholder(String.valueOf(value))) {
                    found.add(file + ": " + path + "." + key + " = " + value);
                }
                scan(value, path + "." + key, file, found);
            }
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                scan(item, path, file, found);
            }
        }
    }

    /** An environment-variable-like key named as a secret, or a plain password/token key. */
    static boolean secretKey(String key) {
        return key.matches("[A-Z0-9_]+") && SECRET_NAME.matcher(key).matches()
                || key.matches("(?i)password|passwd|token|api[-_]?key|private[-_]?key|auth[-_]?token");
    }

    private static boolean placeholder(String value) {
        return value.isBlank() || value.startsWith("${") || value.startsWith("{{") || value.equals("true") || value.equals("false")
                || value.matches("[a-z0-9-]+-(db|jwt|admin|stripe|mongodb|redis|providers|google-maps|elasticsearch)")
                || value.matches("(?i)(redacted|changeme|placeholder|<.*>)");
    }

    /** Every secret setting a service reads (its application.yml) is wired: from a Secret in Kubernetes, from the shell in Compose. */
    @Test
    void everySecretAServiceReadsIsWired() {
        List<String> missing = new ArrayList<>();
        Map<String, Object> services = Y.map(Repo.yaml("docker-compose.yml"), "services");
        for (Architecture.Service s : Architecture.SERVICES) {
            String yml = s.dir() + "/src/main/resources/application.yml";
            if (!Repo.exists(yml)) {
                continue;
            }
            Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)[:}]").matcher(Repo.text(yml));
            java.util.Set<String> secretEnv = Y.map(HelmValuesTest.serviceValues(s.name()), "secretEnv").keySet();
            Map<String, Object> composeEnv = ComposeTest.environment(Y.map(services, s.fullName()));
            while (m.find()) {
                String name = m.group(1);
                if (SECRET_NAME.matcher(name).matches()) {
                    if (!secretEnv.contains(name)) {
                        missing.add(s.fullName() + " reads " + name + ": no secretEnv entry in the Helm values");
                    }
                    if (!composeEnv.containsKey(name)) {
                        missing.add(s.fullName() + " reads " + name + ": not passed by docker-compose.yml");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void composeTakesSecretsFromTheEnvironment() {
        List<String> found = new ArrayList<>();
        for (var service : Y.map(Repo.yaml("docker-compose.yml"), "services").entrySet()) {
            for (var env : ComposeTest.environment(Y.map(service.getValue())).entrySet()) {
                String value = String.valueOf(env.getValue());
                if (SECRET_NAME.matcher(env.getKey()).matches() && !env.getKey().endsWith("_FILE") && !value.startsWith("${")) {
                    found.add(service.getKey() + ": " + env.getKey() + " is written in the file, not ${...}");
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void terraformGeneratesOrReceivesSecretsButNeverContainsThem() {
        List<String> found = new ArrayList<>();
        Pattern literal = Pattern.compile("(?im)^\\s*(\\w*(password|secret|token|private_key))\\s*=\\s*\"([^\"$]+)\"");
        for (Path file : Repo.files("terraform", ".tf")) {
            Matcher m = literal.matcher(Repo.text(file));
            while (m.find()) {
                found.add(Repo.relative(file) + ": " + m.group(1) + " = \"" + m.group(3) + "\"");
            }
        }
        for (Path file : Repo.files("terraform", ".tfvars")) {
            Matcher m = Pattern.compile("(?m)^\\s*(\\w+)\\s*=").matcher(Repo.text(file));
            while (m.find()) {
                if (SECRET_NAME.matcher(m.group(1)).matches()) {
                    found.add(Repo.relative(file) + " sets " + m.group(1));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void workflowsTakeCredentialsFromGithubSecretsOnly() {
        for (Path file : Repo.files(".github/workflows", ".yml")) {
            String text = Repo.text(file);
            Matcher m = Pattern.compile("(?im)^\\s*(password|token|secret[\\w-]*)\\s*:\\s*(.+)$").matcher(text);
            while (m.find()) {
                assertThat(m.group(2)).as("%s: %s", Repo.relative(file), m.group(1)).contains("${{ secrets.");
            }
        }
    }
}
