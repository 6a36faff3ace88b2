package dev.corsfilter.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.json.Json;

import java.util.Map;

/**
 * How {@link Browser#call} runs a function in a page, the same in every engine: one JavaScript expression
 * whose promise resolves to the JSON text of {@code {value}} or {@code {thrown}}, so that what comes back
 * is one string each driver passes on unchanged, decoded here.
 */
final class PageCall {

    private static final Json JSON = new Json();

    private PageCall() {
    }

    /**
     * The expression that calls the function with the argument.
     *
     * @param function a function expression
     * @param argument a JSON-able argument
     * @return an expression that evaluates to a promise of a JSON string
     */
    static String expression(String function, Object argument) {
        String argumentText = JSON.toJson(JSON.toJson(argument));
        return "(async () => { try { return JSON.stringify({value: await (" + function + ")(JSON.parse("
                + argumentText + "))}); } catch (e) { return JSON.stringify({thrown: String(e)}); } })()";
    }

    /**
     * The same call for a WebDriver "execute async script", whose last argument is the callback.
     *
     * @param function a function expression
     * @param argument a JSON-able argument
     * @return the script body
     */
    static String asyncScript(String function, Object argument) {
        return "const done = arguments[arguments.length - 1]; " + expression(function, argument) + ".then(done);";
    }

    /**
     * Makes the call through a WebDriver session, as the Selenium-driven engines do.
     *
     * @param driver the session
     * @param function a function expression
     * @param argument a JSON-able argument
     * @return the function's value
     */
    static Object call(JavascriptExecutor driver, String function, Object argument) {
        return decode(driver.executeAsyncScript(asyncScript(function, argument)));
    }

    /**
     * Decodes what the expression resolved to.
     *
     * @param result the JSON string the page returned
     * @return the function's value
     * @throws IllegalStateException when the function threw, or the result is not what the expression makes
     */
    static Object decode(Object result) {
        if (!(result instanceof String text)) {
            throw new IllegalStateException("the page returned " + result + " instead of a JSON string");
        }
        Object decoded = JSON.toType(text, Object.class);
        if (!(decoded instanceof Map<?, ?> map)) {
            throw new IllegalStateException("the page returned " + text);
        }
        if (map.containsKey("thrown")) {
            throw new IllegalStateException("the script threw " + map.get("thrown"));
        }
        return map.get("value");
    }
}
