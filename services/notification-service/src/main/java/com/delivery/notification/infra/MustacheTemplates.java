package com.delivery.notification.infra;

import com.delivery.notification.app.TemplateRenderer;
import com.delivery.notification.domain.Channel;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * Mustache templates per event and language under {@code classpath:notifications/}: the short texts (push title and
 * body, SMS, email subject) in {@code messages.<lang>.yml}, the email bodies in {@code email/<lang>/<template>.mustache}
 * sharing {@code email/<lang>/_header} and {@code _footer}. A language without a template falls back to English.
 * Texts are not HTML-escaped; email bodies are.
 */
@Component
class MustacheTemplates implements TemplateRenderer {

    static final String FALLBACK = "en";
    private static final String ROOT = "notifications/";

    private final Mustache.Compiler text;
    private final Mustache.Compiler html;
    private final Map<String, Map<String, Object>> bundles = new ConcurrentHashMap<>();
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    MustacheTemplates(Mustache.Compiler compiler) {
        Mustache.Compiler base = compiler.withLoader(name -> reader(ROOT + name + ".mustache")).nullValue("");
        this.text = base.escapeHTML(false);
        this.html = base.escapeHTML(true);
    }

    @Override
    public Rendered render(String template, Channel channel, Locale locale, Map<String, Object> model) {
        String language = locale.getLanguage();
        return renderIn(language, template, channel, model)
                .or(() -> renderIn(FALLBACK, template, channel, model))
                .orElseThrow(() -> new IllegalStateException("No " + channel + " template '" + template + "'"));
    }

    private Optional<Rendered> renderIn(String language, String template, Channel channel, Map<String, Object> model) {
        Map<String, Object> texts = section(bundle(language), template, channel.name().toLowerCase(Locale.ROOT));
        if (texts == null) {
            return Optional.empty();
        }
        return switch (channel) {
            case PUSH -> Optional.of(new Rendered(language, renderText(language, template, "push.title", texts, model),
                    renderText(language, template, "push.body", texts, model)));
            case SMS -> Optional.of(new Rendered(language, null,
                    renderText(language, template, "sms.body", texts, model)));
            case EMAIL -> {
                String path = "email/" + language + "/" + template;
                if (!new ClassPathResource(ROOT + path + ".mustache").exists()) {
                    yield Optional.empty();
                }
                Template body = compiled.computeIfAbsent("html:" + path, key -> html.loadTemplate(path));
                yield Optional.of(new Rendered(language, renderText(language, template, "email.subject", texts, model),
                        body.execute(model)));
            }
        };
    }

    private String renderText(String language, String template, String part, Map<String, Object> texts,
            Map<String, Object> model) {
        String source = (String) texts.get(part.substring(part.indexOf('.') + 1));
        if (source == null) {
            throw new IllegalStateException("Template '" + template + "' in " + language + " has no " + part);
        }
        Template compiledText = compiled.computeIfAbsent("text:" + language + ":" + template + ":" + part,
                key -> text.compile(source));
        return compiledText.execute(model).strip();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> bundle, String template, String channel) {
        Object forTemplate = bundle.get(template);
        if (!(forTemplate instanceof Map<?, ?> channels)) {
            return null;
        }
        Object texts = channels.get(channel);
        return texts instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private Map<String, Object> bundle(String language) {
        return bundles.computeIfAbsent(language, lang -> {
            ClassPathResource resource = new ClassPathResource(ROOT + "messages." + lang + ".yml");
            if (!resource.exists()) {
                return Map.of();
            }
            try (InputStream in = resource.getInputStream()) {
                Map<String, Object> loaded = new Yaml().load(in);
                return loaded == null ? Map.of() : loaded;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static InputStreamReader reader(String path) throws IOException {
        return new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
    }
}
