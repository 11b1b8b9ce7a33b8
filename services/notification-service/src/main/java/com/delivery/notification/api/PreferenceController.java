package com.delivery.notification.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import com.delivery.notification.app.PreferenceSettings;
import com.delivery.notification.domain.Category;
import com.delivery.notification.domain.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications/preferences")
@Tag(name = "My notification preferences")
class PreferenceController {

    private final PreferenceSettings settings;

    PreferenceController(PreferenceSettings settings) {
        this.settings = settings;
    }

    /**
     * @param categories per category id ({@code order-updates}, {@code marketing}, ...) and channel, on or off
     */
    record PreferencesBody(@NotEmpty Map<String, @NotEmpty Map<Channel, Boolean>> categories) {
    }

    /** @param critical what is sent whatever the settings say */
    record PreferencesResponse(Map<String, Map<Channel, Boolean>> categories, String critical) {
        static PreferencesResponse of(Map<Category, Map<Channel, Boolean>> effective) {
            Map<String, Map<Channel, Boolean>> byId = new LinkedHashMap<>();
            effective.forEach((category, channels) -> byId.put(category.id(), channels));
            return new PreferencesResponse(byId,
                    "Critical messages (delivery offers to drivers) are sent on every channel regardless");
        }
    }

    @GetMapping
    @Operation(summary = "My preferences: every category and channel with its current setting")
    PreferencesResponse mine(CurrentUser user) {
        return PreferencesResponse.of(settings.of(user.id()));
    }

    @PutMapping
    @Operation(summary = "Change some of my preferences; those not mentioned stay as they are")
    PreferencesResponse change(CurrentUser user, @Valid @RequestBody PreferencesBody body) {
        Map<Category, Map<Channel, Boolean>> changes = new EnumMap<>(Category.class);
        body.categories().forEach((id, channels) -> {
            Category category = Category.byId(id).orElseThrow(() -> ApiException.badRequest("unknown-category",
                    "Unknown category '" + id + "'; known: " + Arrays.stream(Category.values()).map(Category::id)
                            .collect(Collectors.joining(", "))));
            channels.forEach((channel, enabled) -> {
                if (enabled == null) {
                    throw ApiException.badRequest("invalid-preference",
                            "Preference " + id + "/" + channel + " must be true or false");
                }
            });
            changes.put(category, channels);
        });
        return PreferencesResponse.of(settings.change(user.id(), changes));
    }
}
