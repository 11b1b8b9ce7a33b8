package com.delivery.vendor.domain;

/** What a vendor sells; changes the rules (pharmacy prescriptions, grocery units, food preparation time). */
public enum VendorCategory {
    FOOD, GROCERY, PHARMACY, ALCOHOL, FLOWERS, CONVENIENCE, RETAIL, PET_SUPPLIES
}
