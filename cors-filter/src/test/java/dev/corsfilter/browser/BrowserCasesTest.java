package dev.corsfilter.browser;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the case data honest without a browser: enough cases, unique names, every one justified. */
class BrowserCasesTest {

    @Test
    void matrixHasAtLeastFortyUniquelyNamedCases() {
        List<String> ids = BrowserCases.all().stream().map(BrowserCase::id).toList();

        assertThat(ids).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    }

    @Test
    void everyCaseCitesTheFetchRuleThatDecidesIt() {
        assertThat(BrowserCases.all()).allSatisfy(browserCase ->
                assertThat(browserCase.expected().citation()).as(browserCase.id()).startsWith("Fetch §"));
    }

    @Test
    void everyPolicyBuildsAndEveryCaseUsesOne() {
        assertThat(BrowserCases.POLICIES).allSatisfy(id ->
                assertThat(BrowserCases.policy(id, "http://127.0.0.1:1234")).isNotNull());
        assertThat(BrowserCases.all()).allSatisfy(browserCase ->
                assertThat(BrowserCases.POLICIES).contains(browserCase.policy()));
        assertThat(BrowserCases.POLICIES).allSatisfy(id ->
                assertThat(BrowserCases.all()).anySatisfy(browserCase -> assertThat(browserCase.policy()).isEqualTo(id)));
    }

    @Test
    void controlRunExpectsEveryCorsModeCaseToFail() {
        assertThat(BrowserCases.all()).allSatisfy(browserCase -> {
            Outcome control = browserCase.expectedWithoutFilter().outcome();
            assertThat(control).as(browserCase.id())
                    .isEqualTo(browserCase.request().corsMode() ? Outcome.NETWORK_ERROR : browserCase.expected().outcome());
        });
        assertThat(BrowserCases.all()).as("cases the filter must turn from failure into a readable response")
                .filteredOn(browserCase -> browserCase.expected().outcome() == Outcome.RESPONSE)
                .hasSizeGreaterThanOrEqualTo(30);
    }
}
