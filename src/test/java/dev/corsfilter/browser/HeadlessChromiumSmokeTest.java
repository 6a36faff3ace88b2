package dev.corsfilter.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeadlessChromiumSmokeTest {

    @Test
    void runsScriptInAPage() {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.open("data:text/html,<title>ok</title>");
            Object result = chromium.runAsync("arguments[arguments.length - 1](1 + 1);");
            assertThat(result).isEqualTo(2L);
        }
    }
}
