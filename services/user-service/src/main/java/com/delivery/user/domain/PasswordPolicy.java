package com.delivery.user.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What makes a password acceptable; the reasons are shown to the user as they are. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 72; // BCrypt ignores bytes beyond 72
    private static final Set<String> COMMON = Set.of("password123", "1234567890", "qwertyuiop", "password1234",
            "iloveyou123", "letmein1234", "welcome1234", "admin12345");

    private PasswordPolicy() {
    }

    public static List<String> problems(String password, String email) {
        List<String> reasons = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            reasons.add("must be at least " + MIN_LENGTH + " characters long");
            return reasons;
        }
        if (password.length() > MAX_LENGTH) {
            reasons.add("must be at most " + MAX_LENGTH + " characters long");
        }
        if (password.chars().noneMatch(Character::isLetter)) {
            reasons.add("must contain a letter");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            reasons.add("must contain a digit");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            reasons.add("is too common");
        }
        if (email != null && lower.contains(email.toLowerCase(Locale.ROOT).split("@")[0])
                && email.split("@")[0].length() >= 4) {
            reasons.add("must not contain your email name");
        }
        return reasons;
    }
}
