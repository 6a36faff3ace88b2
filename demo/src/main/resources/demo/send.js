"use strict";
// Sends one request with fetch() and reports what a script on this page can see of the answer. Both page
// origins load this file, so the allowed page and the not-allowed frame send requests in exactly the same way.

window.corsPlayground = {
  /**
   * @param spec {url, method, headers: [[name, value]], credentials, body}
   * @returns a promise of {ok: true, status, statusText, type, headers: [[name, value]], body}
   *     or {ok: false, name, error} when fetch() rejects
   */
  async runFetch(spec) {
    const init = {
      method: spec.method,
      headers: spec.headers,
      credentials: spec.credentials,
      // Every press of Send must reach the API, not the HTTP cache.
      cache: "no-store",
      signal: AbortSignal.timeout(15000),
    };
    if (spec.body !== null) {
      init.body = spec.body;
    }
    try {
      const response = await fetch(spec.url, init);
      const headers = [];
      response.headers.forEach((value, name) => headers.push([name, value]));
      const body = await response.text();
      return {
        ok: true, status: response.status, statusText: response.statusText, type: response.type, headers, body,
      };
    } catch (error) {
      // A CORS failure is deliberately opaque to scripts: a TypeError, with no detail of what went wrong.
      return { ok: false, name: error.name, error: String(error) };
    }
  },
};
