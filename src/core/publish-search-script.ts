// The page's search: plain browser JavaScript (no build step), shipped as assets/search.js.
// It reads window.LEARN_SEARCH_INDEX (search-index.js) and window.Fuse (assets/fuse.min.js),
// which are classic scripts so the site also works when opened from file://.

/** The search script for the index page. */
export const SEARCH_SCRIPT = `(function () {
  "use strict";
  var box = document.getElementById("search");
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var groups = document.getElementById("groups");
  var data = window.LEARN_SEARCH_INDEX;
  if (!box || !input || !results || !status || !groups || typeof window.Fuse !== "function" || !Array.isArray(data)) return;
  var fuse = new window.Fuse(data, {
    keys: [
      { name: "title", weight: 3 },
      { name: "tags", weight: 2 },
      { name: "summary", weight: 2 },
      { name: "headings", weight: 1 },
      { name: "type", weight: 0.5 },
      { name: "text", weight: 0.5 }
    ],
    ignoreLocation: true,
    threshold: 0.25,
    minMatchCharLength: 2
  });
  box.hidden = false;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function item(n) {
    var li = el("li", "note-item");
    var a = el("a", "note-title", n.title);
    a.href = n.url;
    li.appendChild(a);
    if (n.summary) li.appendChild(el("p", "summary", n.summary));
    var meta = el("p", "meta");
    [n.type, n.difficulty, n.status].forEach(function (v) {
      if (v) { meta.appendChild(el("span", "badge", v)); meta.appendChild(document.createTextNode(" ")); }
    });
    if (n.date) meta.appendChild(el("span", "date", n.date));
    li.appendChild(meta);
    return li;
  }

  function run() {
    var q = input.value.trim();
    results.textContent = "";
    if (!q) {
      groups.hidden = false;
      status.textContent = "";
      return;
    }
    var hits = fuse.search(q, { limit: 50 });
    groups.hidden = true;
    status.textContent = hits.length
      ? hits.length + (hits.length === 1 ? " note matches" : " notes match") + " \\u201c" + q + "\\u201d"
      : "No notes match \\u201c" + q + "\\u201d.";
    hits.forEach(function (h) { results.appendChild(item(h.item)); });
  }

  input.addEventListener("input", run);
  var start = new URLSearchParams(window.location.search).get("q");
  if (start) { input.value = start; run(); }
})();
`;
