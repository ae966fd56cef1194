// Progressive enhancement for the step-by-step navigation. Without this
// script every step is open and nothing offers to expand; with it each step
// heading becomes a button that shows or hides the step, a "show all steps"
// button appears, and the open steps are remembered for the tab
// (sessionStorage), so they survive a reload.
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

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-step-nav]"), function (nav) {
      if (nav.handbookStepNav) {
        return; // enhanced already: binding again would toggle twice
      }
      nav.handbookStepNav = true;
      enhance(nav);
    });
    firstView = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  document.addEventListener("handbook:content", init);
})();
