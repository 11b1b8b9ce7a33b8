package com.delivery.notification.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.notification.app.DeviceRegistry;
import com.delivery.notification.domain.DeviceToken;
import com.delivery.notification.domain.Platform;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications/devices")
@Tag(name = "My devices")
class DeviceController {

    private final DeviceRegistry devices;

    DeviceController(DeviceRegistry devices) {
        this.devices = devices;
    }

    record DeviceRequest(
            @NotBlank @Size(max = 4096)
            @Pattern(regexp = "[A-Za-z0-9:_\\-.]+", message = "must be an FCM registration token") String token,
            @NotNull Platform platform) {
    }

    record DeviceResponse(String token, Platform platform, Instant registeredAt, Instant lastSeenAt) {
        static DeviceResponse of(DeviceToken device) {
            return new DeviceResponse(device.token(), device.platform(), device.registeredAt(), device.lastSeenAt());
        }
    }

    @PostMapping
    @Operation(summary = "Register this device's FCM token for my push notifications (again is fine)")
    ResponseEntity<DeviceResponse> register(CurrentUser user, @Valid @RequestBody DeviceRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(DeviceResponse.of(devices.register(user.id(), request.token(), request.platform())));
    }

    @GetMapping
    @Operation(summary = "My registered devices")
    List<DeviceResponse> mine(CurrentUser user) {
        return devices.devicesOf(user.id()).stream().map(DeviceResponse::of).toList();
    }

    @DeleteMapping("/{token}")
    @Operation(summary = "Stop push notifications to one of my devices (e.g. at logout)")
    ResponseEntity<Void> remove(CurrentUser user, @PathVariable String token) {
        devices.remove(user.id(), token);
        return ResponseEntity.noContent().build();
    }
}
