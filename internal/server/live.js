// The preview server's live reload. It listens to /_handbook/events:
// on "reload" a tab whose page was rendered again is updated in place
// (patch.js) or reloaded, and a tab whose page moved follows it; on
// "status" it shows the build's errors in an overlay and its warnings in a
// small panel that leaves the page readable, both linking the full report
// at /_status/. Everything from the server is written with textContent
// only, the labels too: the server sends them with each status, in the
// editor's language (st.labels), so this file has no words of its own.
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }
  var overlay = null;
  var panel = null;
  var dismissKey = "handbook-warnings-dismissed";

  function ensureStyles() {
    if (document.getElementById("handbook-live-css")) {
      return;
    }
    var link = document.createElement("link");
    link.id = "handbook-live-css";
    link.rel = "stylesheet";
    link.href = "/_handbook/live.css";
    document.head.appendChild(link);
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      e.setAttribute(k, attrs[k]);
    });
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  // list writes problems as "path:line:col message".
  function list(problems) {
    var ul = el("ul");
    problems.forEach(function (p) {
      var li = el("li");
      var where = p.path || "";
      if (p.line) {
        where += ":" + p.line + (p.col ? ":" + p.col : "");
      }
      if (where) {
        li.appendChild(el("code", null, where));
        li.appendChild(document.createTextNode(" "));
      }
      li.appendChild(document.createTextNode(p.message));
      ul.appendChild(li);
    });
    return ul;
  }

  function reportLink(st) {
    var p = el("p");
    p.appendChild(el("a", { href: st.report }, st.labels.reportLink));
    return p;
  }

  function remove(node) {
    if (node) {
      node.remove();
    }
    return null;
  }

  function showErrors(st) {
    overlay = remove(overlay);
    if (!st.errors.length) {
      return;
    }
    ensureStyles();
    overlay = el("section", { id: "handbook-errors", role: "alert", "aria-labelledby": "handbook-errors-title", lang: st.labels.lang });
    overlay.appendChild(el("h2", { id: "handbook-errors-title" }, st.labels.errorsTitle));
    overlay.appendChild(list(st.errors));
    overlay.appendChild(reportLink(st));
    var close = el("button", { type: "button" }, st.labels.hide);
    close.addEventListener("click", function () {
      overlay = remove(overlay);
    });
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }

  // showWarnings shows the warnings in a panel at the side of the page. A
  // panel the editor hid stays hidden until the warnings change.
  function showWarnings(st) {
    panel = remove(panel);
    var key = JSON.stringify(st.warnings);
    if (!st.warnings.length || st.errors.length || sessionStorage.getItem(dismissKey) === key) {
      return;
    }
    ensureStyles();
    panel = el("aside", { id: "handbook-warnings", "aria-labelledby": "handbook-warnings-title", lang: st.labels.lang });
    var details = el("details");
    var summary = el("summary");
    summary.appendChild(el("span", { id: "handbook-warnings-title" }, st.labels.warningsTitle));
    details.appendChild(summary);
    details.appendChild(list(st.warnings));
    details.appendChild(reportLink(st));
    panel.appendChild(details);
    var close = el("button", { type: "button", "aria-label": st.labels.hideWarnings }, "×");
    close.addEventListener("click", function () {
      sessionStorage.setItem(dismissKey, key);
      panel = remove(panel);
    });
    panel.appendChild(close);
    document.body.appendChild(panel);
  }

  // A page that is none of the site's pages (a missing page, the page that
  // says the site is being built, the status page) reloads on every
  // change: it is never among the changed pages.
  var always = !!(document.currentScript && document.currentScript.hasAttribute("data-reload-always"));

  // here returns the path of the page the tab shows, as the server names
  // pages: decoded, without index.html.
  function here(u) {
    var p = new URL(u, window.location.href).pathname.replace(/\/index\.html$/, "/");
    try {
      return decodeURI(p);
    } catch (err) {
      return p;
    }
  }

  var source = new EventSource("/_handbook/events");
  source.addEventListener("reload", function (e) {
    var data = {};
    try {
      data = JSON.parse(e.data || "{}");
    } catch (err) {
      data = {};
    }
    var path = here(window.location.href);
    var to;
    Object.keys(data.moved || {}).forEach(function (from) {
      if (here(from) === path) {
        to = data.moved[from];
      }
    });
    if (to) {
      window.location.replace(to + window.location.search + window.location.hash);
    } else if (to === "" || always || !window.handbookPatch) {
      window.location.reload(); // a page gone shows the 404 page
    } else if ((data.changed || []).some(function (u) { return here(u) === path; })) {
      window.handbookPatch(); // patch.js: in place, or a reload
    }
  });
  source.addEventListener("status", function (e) {
    var st = JSON.parse(e.data);
    if (st.building) {
      return;
    }
    showErrors(st);
    showWarnings(st);
  });
})();
