package com.delivery.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void aLongMixedPasswordPasses() {
        assertThat(PasswordPolicy.problems("Correct-horse-42", "ada@example.com")).isEmpty();
    }

    @Test
    void shortPasswordsSayHowLongTheyMustBe() {
        assertThat(PasswordPolicy.problems("abc1", "ada@example.com")).containsExactly("must be at least 10 characters long");
    }

    @Test
    void lettersAndDigitsAreBothNeeded() {
        assertThat(PasswordPolicy.problems("abcdefghijkl", null)).containsExactly("must contain a digit");
        assertThat(PasswordPolicy.problems("123456789012", null)).containsExactly("must contain a letter");
    }

    @Test
    void commonPasswordsAndTheEmailNameAreRefused() {
        assertThat(PasswordPolicy.problems("Password123", null)).contains("is too common");
        assertThat(PasswordPolicy.problems("lovelace2026x", "lovelace@example.com")).contains("must not contain your email name");
    }

    @Test
    void bcryptLimitIsRespected() {
        assertThat(PasswordPolicy.problems("a1".repeat(40), null)).containsExactly("must be at most 72 characters long");
    }
}
