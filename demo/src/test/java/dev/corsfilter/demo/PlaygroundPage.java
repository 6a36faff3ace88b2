package dev.corsfilter.demo;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Drives the playground page in a browser the way a person does, through the element ids the page keeps
 * stable for this purpose, so that tests read as the steps a person takes.
 */
final class PlaygroundPage {

    /** The header checkboxes of the page, by the id suffix of their {@code use-…} checkbox. */
    static final Set<String> HEADER_IDS = Set.of("content-type", "authorization", "request-id", "trace-id");

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private int runs;

    private PlaygroundPage(WebDriver driver) {
        this.driver = driver;
    }

    /**
     * Opens the playground and waits until it has loaded its configuration.
     *
     * @param driver the browser
     * @param url the playground's address
     * @return the page
     */
    static PlaygroundPage open(WebDriver driver, String url) {
        driver.get(url);
        new WebDriverWait(driver, SEND_TIMEOUT).until(d -> d.findElement(By.id("api-origin")).getText().startsWith("http"));
        return new PlaygroundPage(driver);
    }

    /**
     * Sets up a request: who calls, with which method, to which endpoint, with which credentials mode.
     *
     * @param caller {@code page} for the allowed origin, {@code other} for the not-allowed one
     * @param method an option of the method list, e.g. {@code PUT} or {@code patch}
     * @param endpoint an API path offered by the page, e.g. {@code /api/items/1}
     * @param credentials {@code omit}, {@code same-origin} or {@code include}
     * @return this page
     */
    PlaygroundPage request(String caller, String method, String endpoint, String credentials) {
        select("caller", caller);
        select("method", method);
        select("endpoint", endpoint);
        select("credentials", credentials);
        return this;
    }

    /**
     * Ticks exactly the given header checkboxes, leaving their default values.
     *
     * @param headerIds ids from {@link #HEADER_IDS}
     * @return this page
     */
    PlaygroundPage headers(String... headerIds) {
        Set<String> wanted = Set.of(headerIds);
        for (String id : HEADER_IDS) {
            WebElement box = driver.findElement(By.id("use-" + id));
            if (box.isSelected() != wanted.contains(id)) {
                box.click();
            }
        }
        return this;
    }

    /**
     * Presses Send and waits until both columns show their result.
     *
     * @return what the page shows
     */
    Shown send() {
        return clickAndWait("send");
    }

    /**
     * Presses one of the example buttons, which fill in the form and send, and waits for the result.
     *
     * @param presetId the button's id, e.g. {@code preset-boom}
     * @return what the page shows
     */
    Shown tryExample(String presetId) {
        return clickAndWait(presetId);
    }

    private Shown clickAndWait(String buttonId) {
        driver.findElement(By.id(buttonId)).click();
        // Each send counts itself in data-run, so an earlier result is never mistaken for this one.
        String run = Integer.toString(++runs);
        new WebDriverWait(driver, SEND_TIMEOUT).until(d -> {
            WebElement results = d.findElement(By.id("results"));
            return run.equals(results.getDomAttribute("data-run")) && "done".equals(results.getDomAttribute("data-state"));
        });
        return new Shown(text("browser-summary"), text("browser-details"), text("explain-summary"),
                text("explanation"), text("agreement"));
    }

    /**
     * Saves what the browser window shows as a PNG.
     *
     * @param file where to write it; its folder is created when missing
     * @throws IOException when it cannot be written
     */
    void screenshot(Path file) throws IOException {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        script.executeScript("window.scrollTo(0, 0)");
        // Browsers capture only the window, so the window is made as tall as the page first.
        long pageHeight = ((Number) script.executeScript("return document.documentElement.scrollHeight")).longValue();
        long frameHeight = ((Number) script.executeScript("return window.outerHeight - window.innerHeight")).longValue();
        Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) (pageHeight + frameHeight)));
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
    }

    private void select(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    private String text(String id) {
        // textContent rather than getText(): the latter drops text scrolled out of view and hidden elements.
        return driver.findElement(By.id(id)).getDomProperty("textContent");
    }

    /**
     * The two columns of the page after a send.
     *
     * @param browserSummary the browser's verdict in one line
     * @param browserDetails status, readable headers and body, or the error
     * @param explainSummary the library's prediction in one line
     * @param explanation the library's full explanation
     * @param agreement whether the two agree
     */
    record Shown(String browserSummary, String browserDetails, String explainSummary, String explanation,
                 String agreement) {
    }
}
