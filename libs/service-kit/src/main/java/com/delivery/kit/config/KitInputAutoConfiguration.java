package com.delivery.kit.config;

import com.delivery.kit.web.FiniteNumberParameters;
import com.delivery.kit.web.ProblemErrorController;
import com.delivery.kit.web.ProblemErrorReportValve;
import com.delivery.kit.web.ProblemResponseWriter;
import com.delivery.kit.web.input.StrictInputFilter;
import com.delivery.kit.web.input.StrictJsonModule;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * What a service accepts as input, the same everywhere (issue 14): strict UTF-8 URLs and bodies, no NUL or
 * unpaired surrogate in any string, whole numbers only where the field is an integer (no {@code 12.5}, no
 * {@code "12"}), finite numbers only, and every refusal (including the server's own, at {@code /error}, and the
 * security firewall's) as RFC 9457 problem details.
 */
@AutoConfiguration(after = KitWebAutoConfiguration.class,
        beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
public class KitInputAutoConfiguration {

    /** Right after the body size limit (which counts the raw bytes), before security and Spring MVC. */
    static final int STRICT_INPUT_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    @Bean
    FilterRegistrationBean<StrictInputFilter> strictInputFilter(ProblemResponseWriter writer) {
        FilterRegistrationBean<StrictInputFilter> registration = new FilterRegistrationBean<>(
                new StrictInputFilter(writer));
        registration.setOrder(STRICT_INPUT_ORDER);
        return registration;
    }

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return new StrictJsonInput();
    }

    @Bean
    FiniteNumberParameters finiteNumberParameters() {
        return new FiniteNumberParameters();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(ProblemResponseWriter writer) {
        return new ProblemErrorController(writer);
    }

    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler problemRequestRejectedHandler(ProblemResponseWriter writer) {
        return (request, response, rejected) -> writer.write(request, response, HttpStatus.BAD_REQUEST,
                "rejected-request", "The request URL or a header is not acceptable");
    }

    /**
     * After Spring Boot's own customizer (order 0, the {@code spring.jackson.*} properties), so no setting turns the
     * rules off by accident.
     */
    static final class StrictJsonInput implements JsonMapperBuilderCustomizer, Ordered {

        @Override
        public void customize(JsonMapper.Builder builder) {
            builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .withCoercionConfig(LogicalType.Integer, integers -> integers
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                    .addModule(new StrictJsonModule());
        }

        @Override
        public int getOrder() {
            return 100;
        }
    }

    /** Tomcat's own refusals (before the application sees the request) as problems, not HTML pages. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatProblems {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
