"use strict";
// Drives the playground: reads the form, sends the request from the chosen origin, asks this page's server
// for the library's explanation of the same request, and shows both side by side.

const $ = (id) => document.getElementById(id);
const FRAME_TIMEOUT_MS = 20000;

let config;                 // {apiOrigin, pageOrigin, otherOrigin, policy}, from /config
let frame;                  // the hidden frame on the not-allowed origin
let frameLoaded;            // a promise that resolves once the frame can take requests
const waitingForFrame = new Map();  // message id -> resolve function of the request waiting for it
let lastMessageId = 0;

/** Example requests; each fills in the whole form, so earlier choices never leak into an example. */
const PRESETS = {
  "preset-get": { method: "GET", endpoint: "/api/items" },
  "preset-put": { method: "PUT", endpoint: "/api/items/1", headers: ["content-type", "request-id"] },
  "preset-trace": { method: "GET", endpoint: "/api/items", headers: ["trace-id"] },
  "preset-patch": { method: "patch", endpoint: "/api/items/1", headers: ["content-type"] },
  "preset-other": { caller: "other", method: "GET", endpoint: "/api/items" },
  "preset-private": { method: "GET", endpoint: "/api/private" },
  "preset-boom": { method: "GET", endpoint: "/api/boom" },
};
const HEADER_INPUTS = ["content-type", "authorization", "request-id", "trace-id"];

async function init() {
  config = await (await fetch("/config", { cache: "no-store" })).json();
  $("page-origin").textContent = location.origin;
  $("api-origin").textContent = config.apiOrigin;
  $("other-origin").textContent = config.otherOrigin;
  $("policy").textContent = config.policy;
  if (location.origin !== config.pageOrigin) {
    // Opened as http://localhost:… for instance: a different origin, which the policy does not allow.
    const warning = $("origin-warning");
    warning.textContent = "This page was opened from " + location.origin + ", which the policy does not allow. "
        + "Open " + config.pageOrigin + "/ to see allowed requests.";
    warning.hidden = false;
  }
  frameLoaded = loadFrame();
  window.addEventListener("message", onFrameMessage);
  $("request-form").addEventListener("submit", (event) => {
    event.preventDefault();
    send();
  });
  $("request-form").addEventListener("input", showCode);
  for (const [id, preset] of Object.entries(PRESETS)) {
    $(id).addEventListener("click", () => {
      applyPreset(preset);
      send();
    });
  }
  showCode();
}

function loadFrame() {
  return new Promise((resolve) => {
    frame = document.createElement("iframe");
    frame.id = "other-origin-frame";
    frame.title = "page on the not-allowed origin";
    frame.hidden = true;
    frame.src = config.otherOrigin + "/frame.html?parent=" + encodeURIComponent(location.origin);
    frame.addEventListener("load", () => resolve(), { once: true });
    document.body.append(frame);
  });
}

function onFrameMessage(event) {
  if (event.origin !== config.otherOrigin || event.source !== frame.contentWindow) {
    return;
  }
  const resolve = waitingForFrame.get(event.data.id);
  if (resolve) {
    waitingForFrame.delete(event.data.id);
    resolve(event.data.outcome);
  }
}

/** Has the frame on the other origin run the request, so that the API sees that origin. */
async function fetchFromOtherOrigin(spec) {
  await frameLoaded;
  return new Promise((resolve) => {
    const id = ++lastMessageId;
    waitingForFrame.set(id, resolve);
    frame.contentWindow.postMessage({ id, spec }, config.otherOrigin);
    setTimeout(() => {
      if (waitingForFrame.delete(id)) {
        resolve({ ok: false, name: "TimeoutError", error: "the frame on the other origin did not answer" });
      }
    }, FRAME_TIMEOUT_MS);
  });
}

function applyPreset(preset) {
  $("caller").value = preset.caller || "page";
  $("method").value = preset.method;
  $("endpoint").value = preset.endpoint;
  $("credentials").value = preset.credentials || "same-origin";
  for (const name of HEADER_INPUTS) {
    $("use-" + name).checked = (preset.headers || []).includes(name);
  }
  showCode();
}

function readForm() {
  const headers = [];
  const addIfChecked = (id, name) => {
    if ($("use-" + id).checked) {
      headers.push([name, $(id).value]);
    }
  };
  addIfChecked("content-type", "Content-Type");
  addIfChecked("authorization", "Authorization");
  addIfChecked("request-id", "X-Request-Id");
  addIfChecked("trace-id", "X-Trace-Id");
  const method = $("method").value;
  // fetch() refuses a body on GET and HEAD, in any spelling.
  const takesBody = !["GET", "HEAD"].includes(method.toUpperCase());
  const caller = $("caller").value;
  return {
    caller,
    origin: caller === "other" ? config.otherOrigin : location.origin,
    path: $("endpoint").value,
    spec: {
      url: config.apiOrigin + $("endpoint").value,
      method,
      headers,
      credentials: $("credentials").value,
      body: takesBody ? $("body").value : null,
    },
  };
}

/** Shows the fetch() call the form describes, so that people see the code behind each case. */
function showCode() {
  const request = readForm();
  const spec = request.spec;
  const lines = ["  method: " + JSON.stringify(spec.method) + ","];
  if (spec.headers.length > 0) {
    const headers = spec.headers.map(([name, value]) => JSON.stringify(name) + ": " + JSON.stringify(value));
    lines.push("  headers: {" + headers.join(", ") + "},");
  }
  lines.push("  credentials: " + JSON.stringify(spec.credentials) + ",");
  if (spec.body !== null) {
    // Single quotes keep a JSON body readable; anything they cannot hold is written as a JSON string.
    const plain = !/['\\\r\n]/.test(spec.body);
    lines.push("  body: " + (plain ? "'" + spec.body + "'" : JSON.stringify(spec.body)) + ",");
  }
  $("body").disabled = spec.body === null;
  $("body-note").textContent = spec.body === null ? "(none for " + spec.method + ")" : "";
  const where = request.caller === "other" ? "// run by a page on " + config.otherOrigin + "\n" : "";
  $("request-code").textContent = where + "fetch(" + JSON.stringify(spec.url) + ", {\n" + lines.join("\n") + "\n})";
}

async function send() {
  const request = readForm();
  const results = $("results");
  results.dataset.run = String(Number(results.dataset.run) + 1);
  results.dataset.state = "pending";
  $("send").disabled = true;
  setSummary("browser-summary", "Sending…", "");
  setSummary("explain-summary", "Asking the library…", "");
  $("browser-details").textContent = "";
  $("explanation").textContent = "";
  $("agreement").textContent = "";
  try {
    const [outcome, explanation] = await Promise.all([
      request.caller === "other" ? fetchFromOtherOrigin(request.spec) : window.corsPlayground.runFetch(request.spec),
      explain(request),
    ]);
    showOutcome(outcome);
    showExplanation(explanation);
    showAgreement(outcome, explanation);
  } finally {
    $("send").disabled = false;
    results.dataset.state = "done";
  }
}

async function explain(request) {
  const query = new URLSearchParams({
    origin: request.origin,
    method: request.spec.method,
    path: request.path,
    credentials: request.spec.credentials,
  });
  for (const [name, value] of request.spec.headers) {
    query.append("header", name + ": " + value);
  }
  try {
    const response = await fetch("/explain?" + query, { cache: "no-store" });
    const body = await response.json();
    return response.ok ? body : { error: body.error };
  } catch (error) {
    return { error: String(error) };
  }
}

function showOutcome(outcome) {
  if (!outcome.ok) {
    if (outcome.name === "TimeoutError") {
      setSummary("browser-summary", "no answer within 15 s", "blocked");
      $("browser-details").textContent = outcome.error;
      return;
    }
    setSummary("browser-summary", "network error: blocked by CORS", "blocked");
    $("browser-details").textContent = "fetch() rejected with " + outcome.error + "\n\n"
        + "That is all a script learns: the browser hides why. Its console (F12) names the failed check.";
    return;
  }
  setSummary("browser-summary", "readable answer: " + outcome.status + " " + outcome.statusText, "allowed");
  const headers = outcome.headers.map(([name, value]) => "  " + name + ": " + value).join("\n");
  $("browser-details").textContent = "response type: " + outcome.type + "\n\n"
      + "headers the script can read:\n" + (headers || "  (none)") + "\n"
      + "  (others, such as X-Served-By and Vary, stay hidden: the policy does not expose them)\n\n"
      + "body:\n" + (outcome.body ? outcome.body.slice(0, 2000) : "  (empty)");
}

function showExplanation(explanation) {
  if (explanation.error) {
    setSummary("explain-summary", "no explanation: " + explanation.error, "blocked");
    return;
  }
  setSummary("explain-summary", explanation.summary, explanation.expected);
  $("explanation").textContent = explanation.text;
}

function showAgreement(outcome, explanation) {
  if (explanation.error || outcome.name === "TimeoutError") {
    return;
  }
  const agree = (explanation.expected === "allowed") === outcome.ok;
  const agreement = $("agreement");
  agreement.className = agree ? "agree" : "disagree";
  agreement.textContent = agree
      ? "✓ The browser and the library agree."
      : "✗ The browser and the library disagree. That is a bug worth reporting.";
}

function setSummary(id, text, kind) {
  const element = $(id);
  element.textContent = text;
  element.className = "summary " + kind;
}

init();
