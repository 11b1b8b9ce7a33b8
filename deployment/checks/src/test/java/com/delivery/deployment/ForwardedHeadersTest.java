package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client address behind the ingress: every service believes X-Forwarded-For only from the peers in
 * {@code TRUSTED_PROXIES} (service-kit defaults: Tomcat's RemoteIpValve, loopback unless configured), and every
 * deployment sets that variable to where its ingress controller runs. Without it all clients would share the
 * ingress' address (one budget, one login counter); with 0.0.0.0/0 anyone could choose their own address.
 */
class ForwardedHeadersTest {

    static final String KIT_DEFAULTS = "libs/service-kit/src/main/resources/kit-defaults.yml";
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{TRUSTED_PROXIES:([^}]*)}");
    static final List<String> PRIVATE = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7");

    @Test
    void everyServiceTrustsForwardedHeadersOnlyFromTheConfiguredProxiesLoopbackByDefault() {
        Map<String, Object> kit = Repo.yaml(KIT_DEFAULTS);
        assertThat(Y.str(kit, "server", "forward-headers-strategy")).isEqualTo("native");
        String internalProxies = Y.str(kit, "server", "tomcat", "remoteip", "internal-proxies");
        assertThat(internalProxies).as("server.tomcat.remoteip.internal-proxies").isNotNull();
        Matcher placeholder = PLACEHOLDER.matcher(internalProxies);
        assertThat(placeholder.matches()).as("%s reads TRUSTED_PROXIES", internalProxies).isTrue();
        List<String> defaults = cidrs(placeholder.group(1));
        assertThat(defaults).isNotEmpty().allSatisfy(cidr ->
                assertThat(within(cidr, "127.0.0.0/8") || within(cidr, "::1/128")).as("%s is loopback", cidr).isTrue());
        for (String service : Architecture.names()) {
            String yml = Repo.text("services/" + service + "-service/src/main/resources/application.yml");
            assertThat(yml).as("%s-service keeps the kit's setting", service)
                    .doesNotContain("forward-headers-strategy").doesNotContain("internal-proxies");
        }
    }

    @Test
    void theChartSetsTrustedProxiesForEveryService() {
        String value = Y.str(HelmValuesTest.values(), "config", "TRUSTED_PROXIES");
        assertThat(value).as("config.TRUSTED_PROXIES in values.yaml").isNotBlank();
        assertPrivateRanges(value, "values.yaml");
        assertThat(Repo.text(HelmValuesTest.CHART + "/templates/configmap.yaml"))
                .as("config goes into delivery-platform-common").contains("range $key, $value := .Values.config");
        assertThat(Repo.text(HelmValuesTest.CHART + "/templates/deployment.yaml"))
                .as("every pod reads delivery-platform-common").contains("name: delivery-platform-common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void eachEnvironmentTrustsItsClustersPodSubnetsOnly(String env) {
        String value = Y.str(Repo.yaml(HelmValuesTest.CHART + "/values-" + env + ".yaml"), "config", "TRUSTED_PROXIES");
        assertThat(value).as("config.TRUSTED_PROXIES in values-%s.yaml", env).isNotBlank();
        assertPrivateRanges(value, "values-" + env + ".yaml");

        // EKS with the VPC CNI gives pods (the ingress controller's too) addresses of the private subnets
        assertThat(Repo.text("terraform/modules/vpc/main.tf")).as("private subnets of terraform/modules/vpc")
                .contains("cidr_block        = cidrsubnet(var.cidr, 4, count.index + 1)");
        String tfvars = Repo.text("terraform/environments/" + env + ".tfvars");
        String vpc = match(tfvars, "(?m)^vpc_cidr\\s*=\\s*\"([^\"]+)\"");
        int zones = match(tfvars, "(?m)^azs\\s*=\\s*\\[([^\\]]*)\\]").split(",").length;
        List<String> podSubnets = IntStream.rangeClosed(1, zones)
                .mapToObj(n -> cidrSubnet(vpc, 4, n)).toList();
        assertThat(cidrs(value)).as("TRUSTED_PROXIES of %s within its pod subnets %s", env, podSubnets)
                .allSatisfy(cidr -> assertThat(podSubnets.stream().anyMatch(subnet -> within(cidr, subnet)))
                        .as(cidr).isTrue());

        String overlay = Y.str(Repo.yaml("deployment/kubernetes/overlays/" + env + "/config.yaml"), "data", "TRUSTED_PROXIES");
        assertThat(overlay).as("the kustomize overlay of %s sets the same", env).isEqualTo(value);
    }

    @Test
    void theRenderedChartCarriesTheSetting() {
        HelmRenderTest.helmLoads();
        for (String file : List.of("", "values-staging.yaml", "values-production.yaml")) {
            Map<String, Object> common = Y.map(HelmRenderTest.find(HelmRenderTest.render(file), "ConfigMap",
                    "delivery-platform-common"), "data");
            assertThat(Y.str(common, "TRUSTED_PROXIES")).as("rendered with %s", file.isEmpty() ? "defaults" : file)
                    .isNotBlank();
        }
    }

    // ---- CIDR arithmetic ---------------------------------------------------------------------------------------

    static void assertPrivateRanges(String value, String where) {
        assertThat(cidrs(value)).as("%s: %s", where, value).isNotEmpty().allSatisfy(cidr -> {
            assertThat(cidr).as("%s in %s is a CIDR", cidr, where).contains("/");
            assertThat(PRIVATE.stream().anyMatch(range -> within(cidr, range)))
                    .as("%s in %s is a private range (never the internet, never 0.0.0.0/0)", cidr, where).isTrue();
        });
    }

    static List<String> cidrs(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether every address of {@code inner} is in {@code outer}. */
    static boolean within(String inner, String outer) {
        Cidr a = Cidr.parse(inner);
        Cidr b = Cidr.parse(outer);
        return a.bits() == b.bits() && a.prefix() >= b.prefix() && a.network(b.prefix()).equals(b.network(b.prefix()));
    }

    /** Terraform's cidrsubnet(prefix, newbits, netnum) for IPv4. */
    static String cidrSubnet(String prefix, int newBits, int netNum) {
        Cidr base = Cidr.parse(prefix);
        int length = base.prefix() + newBits;
        BigInteger network = base.network(base.prefix()).add(BigInteger.valueOf(netNum).shiftLeft(32 - length));
        byte[] bytes = network.toByteArray();
        byte[] four = new byte[4];
        for (int i = 0; i < 4; i++) {
            int from = bytes.length - 4 + i;
            four[i] = from >= 0 ? bytes[from] : 0;
        }
        try {
            return InetAddress.getByAddress(four).getHostAddress() + "/" + length;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }

    record Cidr(BigInteger address, int bits, int prefix) {

        static Cidr parse(String cidr) {
            String[] parts = cidr.split("/");
            assertThat(parts).as("CIDR %s", cidr).hasSize(2);
            assertThat(parts[0]).as("literal address in %s", cidr).matches("[0-9A-Fa-f:.]+");
            try {
                byte[] bytes = InetAddress.getByName(parts[0]).getAddress();
                int prefix = Integer.parseInt(parts[1]);
                assertThat(prefix).as("prefix of %s", cidr).isBetween(0, bytes.length * 8);
                return new Cidr(new BigInteger(1, bytes), bytes.length * 8, prefix);
            } catch (UnknownHostException e) {
                throw new AssertionError(cidr + " is not an address", e);
            }
        }

        BigInteger network(int length) {
            return address.shiftRight(bits - length).shiftLeft(bits - length);
        }
    }
}
