package com.delivery.order.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What an order's category changes at checkout: pharmacy items flagged prescription-required need a prescription
 * reference; grocery orders carry a substitution preference; food orders carry the kitchen's preparation time into
 * the delivery estimate (other categories are picked and packed in a fixed handling time).
 */
public final class CategoryRules {

    public static final String FOOD = "FOOD";
    public static final String GROCERY = "GROCERY";
    public static final String PHARMACY = "PHARMACY";

    private CategoryRules() {
    }

    /** A line as the rules see it. */
    public record Line(String name, boolean prescriptionRequired) {
    }

    /** Problems that keep the order from being placed; empty when it may be placed. */
    public static List<String> problems(List<Line> lines, String prescriptionReference) {
        List<String> problems = new ArrayList<>();
        boolean noReference = prescriptionReference == null || prescriptionReference.isBlank();
        for (Line line : lines) {
            if (line.prescriptionRequired() && noReference) {
                problems.add("'" + line.name() + "' needs a prescription: give a prescriptionReference");
            }
        }
        return problems;
    }

    /** The substitution preference kept on the order: only groceries have one, and they always do. */
    public static Substitution substitutionPreference(String category, Substitution requested) {
        if (!GROCERY.equals(category)) {
            return null;
        }
        return requested == null ? Substitution.CONTACT_ME : requested;
    }

    /** Per-line substitution, for groceries only (a line without one follows the order's preference). */
    public static Substitution lineSubstitution(String category, Substitution requested) {
        return GROCERY.equals(category) ? requested : null;
    }

    /** Minutes until the vendor has the order ready for pickup. */
    public static int readyMinutes(String category, int quotedPrepMinutes, int handlingMinutes) {
        return FOOD.equals(category) ? Math.max(0, quotedPrepMinutes) : Math.max(0, handlingMinutes);
    }

    /** Minutes from checkout to the door: ready time, the ride at courier speed, and the handover. */
    public static int deliveryMinutes(int readyMinutes, int distanceMeters, double courierSpeedKmh,
            int handoverMinutes) {
        double metersPerMinute = courierSpeedKmh * 1000 / 60;
        int ride = (int) Math.ceil(distanceMeters / metersPerMinute);
        return readyMinutes + ride + Math.max(0, handoverMinutes);
    }
}
