package com.delivery.vendor.domain;

/**
 * The pure threshold rule: an alert fires once per crossing, when stock moves from above the threshold to at or
 * below it (LOW, while some is left) or from some to none (OUT). Staying low, or going back up, fires nothing;
 * a restock above the threshold re-arms it. A fall from above the threshold straight to zero is OUT only.
 */
public enum StockAlert {
    NONE, LOW, OUT;

    public static StockAlert crossing(int before, int after, int threshold) {
        if (after == 0 && before > 0) {
            return OUT;
        }
        if (after > 0 && after <= threshold && before > threshold) {
            return LOW;
        }
        return NONE;
    }
}
