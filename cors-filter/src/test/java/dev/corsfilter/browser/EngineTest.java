package dev.corsfilter.browser;

import dev.corsfilter.testing.Project;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the engines need and say when it is missing, without starting any. */
class EngineTest {

    @Test
    void theSkipNoticeNamesExactlyWhatIsMissingAndHowToInstallIt() {
        Engine.Requirement driver = Engine.CHROMIUM.requirements().get(1);

        assertThat(Engine.CHROMIUM.skipNotice(List.of(driver))).isEqualTo("Chromium browser tests skipped: missing"
                + " /usr/bin/chromedriver (package chromium-driver); install with: sudo apt-get install -y chromium-driver");
        assertThat(Engine.WEBKIT.skipNotice(Engine.WEBKIT.requirements())).startsWith("WebKit browser tests skipped:"
                        + " missing /usr/bin/WebKitWebDriver (package webkit2gtk-driver), ")
                .contains("/webkit2gtk-4.1/MiniBrowser (package libwebkit2gtk-4.1-0)")
                .endsWith("/usr/bin/Xvfb (package xvfb); install with: sudo apt-get install -y webkit2gtk-driver"
                        + " libwebkit2gtk-4.1-0 xvfb");
    }

    /** CI installs the packages the engines need; webkit2gtk-driver brings libwebkit2gtk-4.1-0 and MiniBrowser. */
    @Test
    void ciInstallsEveryPackageTheEnginesNeed() throws IOException {
        Matcher packages = Pattern.compile("(?m)^packages=\"([^\"]+)\"").matcher(Files.readString(Project.path(".ci/run")));
        assertThat(packages.find()).as(".ci/run names its packages").isTrue();
        Set<String> needed = OpenBrowsers.engines().stream().flatMap(engine -> engine.requirements().stream())
                .map(Engine.Requirement::debianPackage).filter(name -> !name.equals("libwebkit2gtk-4.1-0"))
                .collect(Collectors.toSet());

        assertThat(Set.of(packages.group(1).split(" "))).isEqualTo(needed);
    }
}
