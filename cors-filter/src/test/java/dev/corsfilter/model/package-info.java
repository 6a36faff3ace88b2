/**
 * An executable model of the browser's side of the WHATWG Fetch standard's CORS protocol
 * (https://fetch.spec.whatwg.org/), and tests that judge {@code CorsFilter} with it.
 *
 * <p>{@link dev.corsfilter.model.ModelBrowser#fetch} takes a page origin, what script passes to
 * {@code fetch()} ({@link dev.corsfilter.model.ModelRequest}) and a {@link dev.corsfilter.model.Transport},
 * and returns what script would see ({@link dev.corsfilter.model.ModelOutcome}): a network error with the
 * {@link dev.corsfilter.model.CorsRule} that failed, an opaque response, or a response with its status and
 * the header names script can read. Every rule cites its Fetch section anchor in the code.
 *
 * <p>Transports: {@link dev.corsfilter.model.HttpClientTransport} (loopback HTTP to a real server) and
 * {@link dev.corsfilter.model.ServletTransport} (the filter called in-process with the servlet fakes of
 * {@code dev.corsfilter.testing} and a {@link dev.corsfilter.model.FakeApplication}).
 *
 * <p>Simplifications, all outside what a CORS filter can influence: no HTTP cache, service workers, CSP,
 * mixed content, CORP/COEP, Private or Local Network Access, TAO or network partition key; cookies are kept
 * per host without attributes; the user agent's default {@code Accept-Language} is not added; bodies are
 * strings. Redirects are followed as Fetch says (CORS check on the 3xx, method rewriting, Authorization
 * removal, origin tainting, a new pre-flight for the new URL), not stopped.
 *
 * <p>Tests: {@code ModelBrowserTest} checks the model against hand-built responses;
 * {@code PolicyIntentPropertiesTest} checks the filter against the policy's intent with the model as the
 * browser; {@code HttpTransportAgreementTest} checks the in-process fakes against Jetty over HTTP;
 * {@code ModelAgreesWithMatrixCasesTest} runs the browser conformance matrix's cases through the model of
 * each engine; the matrix tests themselves compare each engine with its model case by case ({@link
 * dev.corsfilter.model.ModelProbe}).
 *
 * <p>What differs between engines where a server can see it is data, {@link
 * dev.corsfilter.model.EngineProfile}: the pre-flight cache caps (Chromium 7200 s, Firefox 86400 s, WebKit
 * 600 s). On every matrix case the three engines otherwise behave alike.
 */
package dev.corsfilter.model;
