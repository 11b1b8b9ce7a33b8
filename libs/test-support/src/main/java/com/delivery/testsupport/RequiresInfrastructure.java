package com.delivery.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares the real servers a test class talks to. Before the Spring context starts they must answer: at the
 * endpoints from the environment or the local defaults, else in Testcontainers when Docker is available, else the
 * test fails at once naming the script that starts them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface RequiresInfrastructure {
    Infra[] value();
}
