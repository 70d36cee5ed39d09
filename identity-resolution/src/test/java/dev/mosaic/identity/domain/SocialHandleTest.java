package dev.mosaic.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocialHandleTest {

    @Test
    void normalisesPlatformAndHandleAlike() {
        assertThat(SocialHandle.normalise(" Instagram : @Anna.Bakes ")).isEqualTo("instagram:anna.bakes");
        assertThat(SocialHandle.normalise("instagram:anna.bakes")).isEqualTo("instagram:anna.bakes");
    }

    @Test
    void keepsAHandleWithoutPlatformAsTheHandleAlone() {
        assertThat(SocialHandle.normalise("@AnnaBakes")).isEqualTo("annabakes");
        assertThat(SocialHandle.namesPlatform("@AnnaBakes")).isFalse();
        assertThat(SocialHandle.normalise(" ")).isNull();
    }
}
