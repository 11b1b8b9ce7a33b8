package com.delivery.vendor.api;

import com.delivery.vendor.app.SearchIndexing;
import com.delivery.vendor.app.VendorAdministration;
import com.delivery.vendor.domain.VendorStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/vendors")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: vendors")
class AdminVendorController {

    private final VendorAdministration administration;
    private final SearchIndexing indexing;
    private final Clock clock;

    AdminVendorController(VendorAdministration administration, SearchIndexing indexing, Clock clock) {
        this.administration = administration;
        this.indexing = indexing;
        this.clock = clock;
    }

    record VendorPage(List<VendorResponse> items, int page, int size, long total) {
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping
    @Operation(summary = "List vendors, e.g. the approval queue with status=PENDING_APPROVAL (oldest first)")
    VendorPage list(@RequestParam(required = false) VendorStatus status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        VendorAdministration.Page result = administration.list(q, status, page, size);
        return new VendorPage(result.vendors().stream().map(v -> VendorResponse.of(v, clock.instant())).toList(),
                page, size, result.total());
    }

    @GetMapping("/stats")
    @Operation(summary = "Vendors by status, for the dashboard")
    Map<VendorStatus, Long> stats() {
        return administration.countByStatus();
    }

    @PostMapping("/{vendorId}/approve")
    VendorResponse approve(@PathVariable UUID vendorId) {
        return VendorResponse.of(administration.approve(vendorId), clock.instant());
    }

    @PostMapping("/{vendorId}/reject")
    VendorResponse reject(@PathVariable UUID vendorId, @Valid @RequestBody Reason reason) {
        return VendorResponse.of(administration.reject(vendorId, reason.reason()), clock.instant());
    }

    @PostMapping("/{vendorId}/suspend")
    VendorResponse suspend(@PathVariable UUID vendorId, @Valid @RequestBody Reason reason) {
        return VendorResponse.of(administration.suspend(vendorId, reason.reason()), clock.instant());
    }

    @PostMapping("/{vendorId}/reinstate")
    VendorResponse reinstate(@PathVariable UUID vendorId) {
        return VendorResponse.of(administration.reinstate(vendorId), clock.instant());
    }

    record Reindexed(int vendors) {
    }

    @PostMapping("/reindex")
    @Operation(summary = "Rebuild the search indices from PostgreSQL")
    Reindexed reindex() {
        return new Reindexed(indexing.reindexAll());
    }
}
