package com.delivery.kit.health;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.Status;

/** Whether a health contributor reports UP; a composite one (e.g. {@code db} with two data sources) when all parts do. */
final class ContributorStatus {

    private ContributorStatus() {
    }

    /** Runs the check; blocks as long as the contributor does, so callers bound it in time. */
    static boolean isUp(HealthContributor contributor) {
        return switch (contributor) {
            case HealthIndicator indicator -> isUp(indicator.health(false).getStatus());
            case CompositeHealthContributor composite -> allUp(composite);
            default -> false;
        };
    }

    /** UP counts as up; DOWN, OUT_OF_SERVICE, UNKNOWN and any custom status as down. */
    static boolean isUp(Status status) {
        return Status.UP.equals(status);
    }

    private static boolean allUp(HealthContributors parts) {
        return parts.stream().findAny().isPresent() && parts.stream().allMatch(part -> isUp(part.contributor()));
    }
}
