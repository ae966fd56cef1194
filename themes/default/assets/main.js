// Progressive enhancement; every page works without this script.
//
// The step-by-step navigation: without the script every step is open and
// nothing offers to expand; with it each step heading becomes a button that
// shows or hides the step, a "show all steps" button appears, the open
// steps are remembered for the tab (sessionStorage), so they survive a
// reload, and a link to a step opens it.
//
// Printing: the date is written into the printout's header, in the page's
// own date format; links in the text are followed by their whole, readable
// address, and on a guide's print page a link to one of its steps by the
// step's name.
//
// The search page: the language switcher keeps the query.
//
// init may run again: on the event "handbook:content", which the preview
// sends after it replaced parts of the page in place, it enhances the step
// navigations that are new and leaves alone those it already enhanced.
(function () {
  "use strict";

  // The step named in the address opens on the page's first view only:
  // after that the open steps are the reader's.
  var firstView = true;

  function storageKey(nav) {
    return "handbook-steps:" + nav.getAttribute("data-step-nav");
  }

  function load(nav) {
    try {
      var v = JSON.parse(window.sessionStorage.getItem(storageKey(nav)) || "[]");
      return Array.isArray(v) ? v : [];
    } catch (e) {
      return [];
    }
  }

  function save(nav, open) {
    try {
      window.sessionStorage.setItem(storageKey(nav), JSON.stringify(open));
    } catch (e) {
      // Storage may be disabled; the steps still work for this page view.
    }
  }

  function enhance(nav) {
    var steps = Array.prototype.slice.call(nav.querySelectorAll(".step"));
    if (steps.length === 0) {
      return;
    }
    var open = load(nav);
    var hash = firstView ? window.location.hash.slice(1) : "";
    var buttons = [];

    var controls = document.createElement("div");
    controls.className = "step-nav-controls";
    var all = document.createElement("button");
    all.type = "button";
    all.className = "step-nav-all";
    all.setAttribute("aria-expanded", "false");
    controls.appendChild(all);
    var list = nav.querySelector(".steps");
    list.parentNode.insertBefore(controls, list);

    // Each step button ends with a visible "Show"/"Hide" cue, so that it is
    // clear without colour or a pointer that the heading opens the step.
    // Screen readers get the state from aria-expanded, so the cue is hidden
    // from them.
    function setOpen(button, panel, isOpen) {
      button.setAttribute("aria-expanded", isOpen ? "true" : "false");
      panel.hidden = !isOpen;
      var cue = button.querySelector(".step-toggle");
      if (cue) {
        cue.textContent = nav.getAttribute(isOpen ? "data-hide" : "data-show");
      }
    }

    function sync() {
      var ids = [];
      var allOpen = true;
      buttons.forEach(function (b) {
        if (b.button.getAttribute("aria-expanded") === "true") {
          ids.push(b.id);
        } else {
          allOpen = false;
        }
      });
      all.textContent = nav.getAttribute(allOpen ? "data-hide-all" : "data-show-all");
      all.setAttribute("aria-expanded", allOpen ? "true" : "false");
      save(nav, ids);
    }

    steps.forEach(function (step) {
      var heading = step.querySelector(".step-title");
      var panel = step.querySelector(".step-panel");
      if (!heading || !panel) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("aria-controls", panel.id);
      while (heading.firstChild) {
        button.appendChild(heading.firstChild);
      }
      var cue = document.createElement("span");
      cue.className = "step-toggle";
      cue.setAttribute("aria-hidden", "true");
      button.appendChild(cue);
      heading.appendChild(button);
      var id = heading.id;
      setOpen(button, panel, open.indexOf(id) >= 0 || id === hash);
      window.addEventListener("hashchange", function () {
        if (window.location.hash.slice(1) === id && button.getAttribute("aria-expanded") !== "true") {
          setOpen(button, panel, true);
          sync();
        }
      });
      button.addEventListener("click", function () {
        setOpen(button, panel, button.getAttribute("aria-expanded") !== "true");
        sync();
      });
      buttons.push({ id: id, button: button, panel: panel });
    });

    all.addEventListener("click", function () {
      var show = all.getAttribute("aria-expanded") !== "true";
      buttons.forEach(function (b) {
        setOpen(b.button, b.panel, show);
      });
      sync();
    });
    sync();
  }

  // printDate writes today's date into the printout's header, as the UI
  // strings format dates ("3.12.2026", "3 December 2026").
  function printDate() {
    var el = document.querySelector("[data-print-date]");
    if (!el) {
      return;
    }
    var d = new Date();
    var months = (el.getAttribute("data-month-names") || "").split(/\s+/);
    var date = (el.getAttribute("data-date-format") || "{d}.{m}.{y}")
      .replace("{d}", String(d.getDate()))
      .replace("{m}", String(d.getMonth() + 1))
      .replace("{mn}", months[d.getMonth()] || String(d.getMonth() + 1))
      .replace("{y}", String(d.getFullYear()));
    el.textContent = el.getAttribute("data-print-date").replace("{date}", date);
  }

  // printLinks gives each link of the text what its printout says after
  // it: a link to this site its whole address, decoded ("/fi/oppaat/…"
  // rather than "%C3%A4"); a link to a step on a guide's print page the
  // step's name ("Step 3").
  function printLinks() {
    Array.prototype.forEach.call(document.querySelectorAll(".content a[href]"), function (a) {
      var href = a.getAttribute("href");
      if (href.charAt(0) === "/") {
        try {
          a.setAttribute("data-print-url", decodeURI(a.href));
        } catch (e) {
          a.setAttribute("data-print-url", a.href);
        }
        return;
      }
      if (href.charAt(0) !== "#" || !document.querySelector(".print-step")) {
        return;
      }
      var target = document.getElementById(decodeURIComponent(href.slice(1)));
      var step = target && target.closest(".print-step");
      var badge = step && step.querySelector(".step-badge");
      if (badge) {
        a.setAttribute("data-print-ref", badge.textContent);
      }
    });
  }

  // keepQuery makes the language switcher of the search page lead to the
  // same search in the other language.
  function keepQuery() {
    var input = document.getElementById("search-q");
    var links = Array.prototype.slice.call(document.querySelectorAll(".lang-switch a[href]")).filter(function (a) {
      return !a.handbookKeepQuery; // bound already (init may run again)
    });
    links.forEach(function (a) {
      a.handbookKeepQuery = true;
    });
    if (!input) {
      return;
    }
    function update() {
      var field = document.getElementById("search-q"); // the preview may have replaced it
      var q = (field ? field.value.trim() : "") || new URLSearchParams(window.location.search).get("q") || "";
      links.forEach(function (a) {
        var u = new URL(a.href, window.location.href);
        if (q) {
          u.searchParams.set("q", q);
        } else {
          u.searchParams.delete("q");
        }
        a.href = u.href;
      });
    }
    // Before a link is followed, hovered or focused (its address shows),
    // and not on the field's input: the field's listener is search.js's.
    links.forEach(function (a) {
      ["click", "auxclick", "focus", "pointerenter"].forEach(function (type) {
        a.addEventListener(type, update);
      });
    });
    update();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-step-nav]"), function (nav) {
      if (nav.handbookStepNav) {
        return; // enhanced already: binding again would toggle twice
      }
      nav.handbookStepNav = true;
      enhance(nav);
    });
    firstView = false;
    printDate();
    printLinks();
    keepQuery();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  document.addEventListener("handbook:content", init);
  window.addEventListener("beforeprint", printDate);
})();
