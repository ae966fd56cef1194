// The preview server's live reload. It listens to /_handbook/events: on
// "reload" the tab reloads (or follows its page to a new URL); on "errors"
// an overlay lists the problems, written with textContent only; on "ok" the
// overlay goes away.
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }
  var overlay = null;

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

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function show(problems) {
    ensureStyles();
    hide();
    overlay = document.createElement("section");
    overlay.id = "handbook-errors";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("aria-labelledby", "handbook-errors-title");
    var h = document.createElement("h2");
    h.id = "handbook-errors-title";
    h.textContent = problems.length === 1 ? "The handbook has 1 error" : "The handbook has " + problems.length + " errors";
    overlay.appendChild(h);
    var ul = document.createElement("ul");
    problems.forEach(function (p) {
      var li = document.createElement("li");
      var code = document.createElement("code");
      var where = p.path;
      if (p.line) {
        where += ":" + p.line + (p.col ? ":" + p.col : "");
      }
      code.textContent = where;
      li.appendChild(code);
      li.appendChild(document.createTextNode(" " + p.message));
      ul.appendChild(li);
    });
    overlay.appendChild(ul);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.addEventListener("click", hide);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }

  var source = new EventSource("/_handbook/events");
  source.addEventListener("reload", function (e) {
    var data = {};
    try {
      data = JSON.parse(e.data || "{}");
    } catch (err) {
      data = {};
    }
    var to = data.moved && data.moved[window.location.pathname];
    if (to) {
      window.location.replace(to + window.location.search + window.location.hash);
    } else {
      window.location.reload();
    }
  });
  source.addEventListener("errors", function (e) {
    show(JSON.parse(e.data));
  });
  source.addEventListener("ok", hide);
})();
