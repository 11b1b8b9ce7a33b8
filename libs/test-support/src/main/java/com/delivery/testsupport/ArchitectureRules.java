package com.delivery.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The shape every service keeps: {@code api -> app -> domain}, {@code infra} at the edge, {@code config} wiring
 * it all, and no service importing another service's code.
 */
public final class ArchitectureRules {

    private static final List<String> SERVICES = List.of("user", "order", "vendor", "driver", "payment",
            "tracking", "notification");

    private ArchitectureRules() {
    }

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy(servicePackage + ".api..")
                .layer("app").definedBy(servicePackage + ".app..")
                .layer("domain").definedBy(servicePackage + ".domain..")
                .layer("infra").definedBy(servicePackage + ".infra..")
                .layer("config").definedBy(servicePackage + ".config..")
                .whereLayer("api").mayOnlyBeAccessedByLayers("config")
                .whereLayer("app").mayOnlyBeAccessedByLayers("api", "infra", "config")
                .whereLayer("infra").mayOnlyBeAccessedByLayers("config")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "app", "infra", "config")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(classes);
        for (String other : SERVICES) {
            String otherPackage = "com.delivery." + other;
            if (!otherPackage.equals(servicePackage)) {
                noClasses().should().dependOnClassesThat().resideInAPackage(otherPackage + "..")
                        .allowEmptyShould(true)
                        .check(classes);
            }
        }
    }
}
