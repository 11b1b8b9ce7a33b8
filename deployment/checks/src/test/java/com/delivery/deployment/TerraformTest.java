package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** terraform/: the AWS modules, the platform root composing them, the two environments (checked without Terraform). */
class TerraformTest {

    static final List<String> MODULES = List.of("vpc", "eks", "rds-postgres", "elasticache-redis", "msk", "docdb", "s3",
            "cloudfront", "route53", "secrets-manager", "elasticsearch-eck");
    static final List<String> ENVIRONMENTS = List.of("staging", "production");
    static final Set<String> META_ARGUMENTS = Set.of("source", "version", "providers", "depends_on", "count", "for_each");

    static Stream<String> modules() {
        return MODULES.stream();
    }

    static List<Hcl.Block> blocks(Path dir) {
        List<Hcl.Block> blocks = new ArrayList<>();
        for (Path file : tfFiles(dir)) {
            blocks.addAll(Hcl.blocks(Repo.text(file)));
        }
        return blocks;
    }

    static List<Path> tfFiles(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, Hcl.Block> variables(Path dir) {
        Map<String, Hcl.Block> vars = new HashMap<>();
        blocks(dir).stream().filter(b -> b.type().equals("variable")).forEach(b -> vars.put(b.label(0), b));
        return vars;
    }

    static Set<String> outputs(Path dir) {
        Set<String> outs = new HashSet<>();
        blocks(dir).stream().filter(b -> b.type().equals("output")).forEach(b -> outs.add(b.label(0)));
        return outs;
    }

    static String allText(Path dir) {
        StringBuilder text = new StringBuilder();
        tfFiles(dir).forEach(f -> text.append(Repo.text(f)).append('\n'));
        return text.toString();
    }

    @ParameterizedTest
    @MethodSource("modules")
    void moduleHasItsFilesAndDeclaresWhatItUses(String module) {
        Path dir = Repo.path("terraform/modules/" + module);
        for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf")) {
            assertThat(dir.resolve(file)).as("terraform/modules/%s/%s", module, file).isRegularFile();
        }
        Set<String> declared = variables(dir).keySet();
        assertThat(Hcl.references(allText(dir), "var")).as("variables used by %s", module).isSubsetOf(declared);
        assertThat(blocks(dir)).anyMatch(b -> b.type().equals("resource"));
        String versions = Repo.text(dir.resolve("versions.tf"));
        assertThat(versions).contains("required_providers");
    }

    @Test
    void thePlatformRootUsesEveryModuleAndPassesOnlyDeclaredInputs() {
        Path dir = Repo.path("terraform/platform");
        for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf", "providers.tf")) {
            assertThat(dir.resolve(file)).as(file).isRegularFile();
        }
        List<Hcl.Block> calls = blocks(dir).stream().filter(b -> b.type().equals("module")).toList();
        Set<String> used = new HashSet<>();
        Map<String, Path> moduleDirs = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Hcl.Block call : calls) {
            String source = Hcl.string(call.attributes().get("source"));
            if (source == null || !source.startsWith(".")) {
                problems.add("module " + call.label(0) + ": source must be a local path, is " + call.attributes().get("source"));
                continue;
            }
            Path target = dir.resolve(source).normalize();
            if (!Files.isDirectory(target) || tfFiles(target).isEmpty()) {
                problems.add("module " + call.label(0) + ": source " + source + " does not exist");
                continue;
            }
            used.add(target.getFileName().toString());
            moduleDirs.put(call.label(0), target);
            Map<String, Hcl.Block> inputs = variables(target);
            for (String argument : call.attributes().keySet()) {
                if (!META_ARGUMENTS.contains(argument) && !inputs.containsKey(argument)) {
                    problems.add("module " + call.label(0) + " passes " + argument + ", which " + source + " does not declare");
                }
            }
            for (var input : inputs.entrySet()) {
                if (!input.getValue().attributes().containsKey("default") && !call.attributes().containsKey(input.getKey())) {
                    problems.add("module " + call.label(0) + " does not pass the required " + input.getKey());
                }
            }
        }
        // module.<name>.<output> references point at declared outputs
        Matcher ref = Pattern.compile("\\bmodule\\.([a-z_0-9]+)\\.([a-z_0-9]+)").matcher(Hcl.mask(allText(dir)).withoutComments());
        while (ref.find()) {
            Path target = moduleDirs.get(ref.group(1));
            if (target == null) {
                problems.add("module." + ref.group(1) + " is not declared");
            } else if (!outputs(target).contains(ref.group(2))) {
                problems.add("module." + ref.group(1) + "." + ref.group(2) + " is not an output of " + Repo.relative(target));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(used).as("modules used by terraform/platform").containsExactlyInAnyOrderElementsOf(MODULES);
        assertThat(Hcl.references(allText(dir), "var")).isSubsetOf(variables(dir).keySet());
    }

    /** An environment is a variable file for the one platform root: every required variable set, nothing unknown. */
    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void environmentSetsEveryRequiredVariableAndNothingElse(String env) {
        Path root = Repo.path("terraform/platform");
        Set<String> declared = variables(root).keySet();
        Set<String> assigned = new HashSet<>();
        String tfvars = Repo.text("terraform/environments/" + env + ".tfvars");
        Matcher tfvar = Pattern.compile("(?m)^([a-z_0-9]+)\\s*=").matcher(tfvars);
        while (tfvar.find()) {
            assigned.add(tfvar.group(1));
        }
        assertThat(assigned).as("%s.tfvars sets only declared variables", env).isSubsetOf(declared);
        for (var variable : variables(root).entrySet()) {
            if (!variable.getValue().attributes().containsKey("default")) {
                assertThat(assigned).as("%s.tfvars sets %s", env, variable.getKey()).contains(variable.getKey());
            }
        }
        assertThat(tfvars).containsPattern("(?m)^environment\\s*=\\s*\"" + env + "\"$");
    }

    @Test
    void stateIsRemoteEncryptedAndSeparatePerEnvironment() {
        assertThat(Repo.text("terraform/platform/versions.tf")).contains("backend \"s3\" {}");
        for (String env : ENVIRONMENTS) {
            String backend = Repo.text("terraform/environments/" + env + ".s3.tfbackend");
            assertThat(backend).containsPattern("(?m)^encrypt\\s*=\\s*true$")
                    .containsPattern("(?m)^use_lockfile\\s*=\\s*true$")
                    .containsPattern("(?m)^key\\s*=\\s*\"" + env + "/terraform\\.tfstate\"$");
        }
    }

    @Test
    void elasticsearchRunsOnEckBecauseTheClientDoesNotTalkToOpenSearch() {
        String eck = Repo.text("terraform/modules/elasticsearch-eck/main.tf");
        assertThat(eck).contains("eck-operator").contains("OpenSearch");
        assertThat(Repo.text("terraform/modules/elasticsearch-eck/variables.tf")).containsPattern("default\\s*=\\s*\"9\\.2\\.\\d+\"");
        assertThat(Repo.text("terraform/modules/rds-postgres/main.tf")).contains("PostGIS");
        assertThat(Repo.text("terraform/modules/docdb/main.tf")).contains("Atlas");
    }

    /** What `terraform fmt` would change, checked without Terraform: tabs, trailing blanks, odd indentation. */
    @Test
    void filesLookFormatted() {
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>(Repo.files("terraform", ".tf"));
        files.addAll(Repo.files("terraform", ".tfvars"));
        files.addAll(Repo.files("terraform", ".tfbackend"));
        for (Path file : files) {
            String text = Repo.text(file);
            if (!text.endsWith("\n") || text.endsWith("\n\n")) {
                problems.add(Repo.relative(file) + ": must end with exactly one newline");
            }
            int lineNo = 0;
            for (String line : text.split("\n", -1)) {
                lineNo++;
                if (line.contains("\t") || line.endsWith(" ")) {
                    problems.add(Repo.relative(file) + ":" + lineNo + ": tab or trailing blank");
                }
                int indent = line.length() - line.stripLeading().length();
                if (!line.isBlank() && indent % 2 != 0) {
                    problems.add(Repo.relative(file) + ":" + lineNo + ": indentation not a multiple of two");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    static String terraform() {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "terraform"))) {
                return Path.of(dir, "terraform").toString();
            }
        }
        return null;
    }

    @Test
    void terraformFmtCheckIsClean() throws Exception {
        String terraform = terraform();
        assumeTrue(terraform != null, "terraform is not installed");
        ProcessBuilder builder = new ProcessBuilder(terraform, "fmt", "-check", "-recursive", "-diff", Repo.path("terraform").toString())
                .redirectErrorStream(true);
        builder.environment().put("TF_CLI_CONFIG_FILE", "/dev/null");
        builder.environment().put("CHECKPOINT_DISABLE", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("terraform fmt -check -diff:\n%s", output).isZero();
    }

    @Test
    void hclReaderSeesThroughStringsCommentsAndHeredocs() {
        String sample = """
                # module "commented" { source = "../nowhere" }
                module "real" {
                  source = "../../modules/vpc" // trailing
                  name   = "a { brace in a string ${var.x == "}" ? 1 : 2}"
                  policy = <<-EOT
                    module "inside" { }
                  EOT
                  nested {
                    inner = 1
                  }
                }
                """;
        List<Hcl.Block> blocks = Hcl.blocks(sample);
        assertThat(blocks).hasSize(1);
        assertThat(blocks.getFirst().label(0)).isEqualTo("real");
        assertThat(blocks.getFirst().attributes()).containsOnlyKeys("source", "name", "policy");
        assertThat(Hcl.string(blocks.getFirst().attributes().get("source"))).isEqualTo("../../modules/vpc");
        assertThat(Hcl.references(sample, "var")).containsExactly("x");
    }
}
