"use strict";
// Runs requests for the playground from this (not-allowed) origin. It takes orders only from the page
// that loaded it, named in ?parent=, and answers only to that page.

const parentOrigin = new URLSearchParams(location.search).get("parent");

window.addEventListener("message", async (event) => {
  if (!parentOrigin || event.origin !== parentOrigin || event.source !== window.parent) {
    return;
  }
  const outcome = await window.corsPlayground.runFetch(event.data.spec);
  window.parent.postMessage({ id: event.data.id, outcome }, parentOrigin);
});
