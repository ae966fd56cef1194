// The preview server's in-place update of the open page. live.js calls
// window.handbookPatch() when the page the tab shows was rendered again:
// it fetches the page and changes only the parts that differ, so that an
// edit shows without a reload, the page keeping its scroll position, its
// focus, the values typed into its forms and whatever the theme's scripts
// keep (open guide steps, a search). When that cannot be done faithfully
// (the head's styles or scripts changed, the layout outside the regions
// changed, anything failed) it reloads the tab instead.
//
// What is compared: the page as it was served (a copy taken before the
// theme's scripts changed it: this script is loaded without defer, so it
// runs before them) against the page as it is served now, region by
// region. A region is a landmark or a sectioning element (header, nav,
// main, aside, footer, section, article, form or an element with such a
// role); a region whose own markup (its regions left out) is unchanged
// keeps its element, and its inner regions are compared in turn; a region
// whose own markup changed is replaced whole. The theme's scripts are then
// told with the event "handbook:content" on document (detail.nodes: the
// new elements) to enhance what is new; they must leave alone what they
// already enhanced.
(function () {
  "use strict";
  if (!window.DOMParser || !window.fetch || !document.documentElement.cloneNode) {
    return;
  }
  var REGION = "header,footer,main,nav,aside,section,article,form," +
    "[role=banner],[role=navigation],[role=main],[role=complementary]," +
    "[role=contentinfo],[role=search],[role=region],[role=form]";
  var ASSET = "script,style,link[rel~=stylesheet],link[rel~=icon],link[rel~=preload],link[rel~=modulepreload],link[rel~=manifest]";
  // The preview's own elements (live.js's overlay, panel and styles):
  // never compared, never replaced.
  var OWN = { "handbook-live-css": true, "handbook-errors": true, "handbook-warnings": true };

  var served = document.documentElement.cloneNode(true);
  var busy = false;
  var again = false;

  // Reload is thrown where the page must be loaded again.
  function Reload(why) {
    this.why = why;
  }

  function own(n) {
    return n.nodeType === 1 && OWN[n.id] === true;
  }

  // regions returns the outermost regions inside el, in document order.
  function regions(el) {
    var out = [];
    (function walk(p) {
      for (var c = p.firstElementChild; c; c = c.nextElementSibling) {
        if (own(c)) {
          continue;
        }
        if (c.matches(REGION)) {
          out.push(c);
        } else {
          walk(c);
        }
      }
    })(el);
    return out;
  }

  // shell is el's markup with each of its regions left out.
  function shell(el, regs) {
    var html = el.outerHTML;
    var out = "";
    var at = 0;
    regs.forEach(function (r) {
      var s = r.outerHTML;
      var i = html.indexOf(s, at);
      if (i < 0) {
        throw new Error("a region's markup is not inside its parent's");
      }
      out += html.slice(at, i) + "\u0000";
      at = i + s.length;
    });
    return out + html.slice(at);
  }

  // plan adds to ops the live elements to replace: old and cur are the
  // same region as served before and now, live the element on screen.
  function plan(old, cur, live, ops) {
    if (old.outerHTML === cur.outerHTML) {
      return;
    }
    var o = regions(old);
    var c = regions(cur);
    var l = regions(live);
    if (o.length === c.length && o.length === l.length && shell(old, o) === shell(cur, c)) {
      for (var i = 0; i < o.length; i++) {
        plan(o[i], c[i], l[i], ops);
      }
      return;
    }
    ops.push({ live: live, cur: cur });
  }

  // planBody is plan for the body, which is never replaced: a change
  // outside its regions is a change of layout.
  function planBody(old, cur, live, ops) {
    var o = regions(old);
    var c = regions(cur);
    var l = regions(live);
    // The copy taken while the page loaded ends at this script: the
    // white space the parser adds after it is not a change.
    var trim = function (s) {
      return s.replace(/\s+<\/body>$/, "</body>");
    };
    if (o.length !== c.length || o.length !== l.length || trim(shell(old, o)) !== trim(shell(cur, c))) {
      throw new Reload("the layout changed");
    }
    for (var i = 0; i < o.length; i++) {
      plan(o[i], c[i], l[i], ops);
    }
  }

  function markup(nodes) {
    return nodes.map(function (n) {
      return n.nodeType === 1 ? n.outerHTML : n.nodeType === 8 ? "<!--" + n.data + "-->" : n.data;
    }).join("");
  }

  // headParts splits the head's nodes at its assets (styles, scripts,
  // icons): the parts between them are patched, the assets never.
  function headParts(head) {
    var parts = [[]];
    var assets = [];
    Array.prototype.forEach.call(head.childNodes, function (n) {
      if (own(n)) {
        return;
      }
      if (n.nodeType === 1 && n.matches(ASSET)) {
        assets.push(n);
        parts.push([]);
      } else {
        parts[parts.length - 1].push(n);
      }
    });
    return { parts: parts, assets: assets };
  }

  function planHead(old, cur, live, ops) {
    var o = headParts(old);
    var c = headParts(cur);
    var l = headParts(live);
    if (markup(o.assets) !== markup(c.assets)) {
      throw new Reload("the page's styles or scripts changed");
    }
    if (l.assets.length !== o.assets.length) {
      throw new Reload("the head was changed by a script");
    }
    for (var i = 0; i < o.parts.length; i++) {
      if (markup(o.parts[i]) !== markup(c.parts[i])) {
        ops.push({ remove: l.parts[i], add: c.parts[i], before: l.parts[i][0] || l.assets[i] || null, parent: live });
      }
    }
  }

  function attrs(el) {
    return Array.prototype.map.call(el.attributes, function (a) {
      return a.name + "=" + a.value;
    }).join("\u0000");
  }

  // keyOf names el so that it can be found again in the patched page: the
  // nearest element at or before it with an id, and how many elements
  // after that one it is.
  function keyOf(el) {
    var w = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    w.currentNode = el;
    var steps = 0;
    for (var n = el; n && n !== document.body; n = w.previousNode()) {
      if (n.id) {
        return { id: n.id, steps: steps, tag: el.tagName };
      }
      steps++;
    }
    return { id: null, steps: steps, tag: el.tagName };
  }

  function find(key) {
    var start = key.id === null ? document.body : document.getElementById(key.id);
    if (!start) {
      return null;
    }
    var w = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    w.currentNode = start;
    for (var i = 0; i < key.steps; i++) {
      if (!w.nextNode()) {
        return null;
      }
    }
    return w.currentNode.tagName === key.tag ? w.currentNode : null;
  }

  // anchor returns the element the reader is looking at: the first one,
  // innermost, that reaches into the viewport from its top, leaving out
  // what does not scroll with the page.
  function anchor() {
    var el = document.body;
    for (;;) {
      var next = null;
      for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
        if (own(c)) {
          continue;
        }
        var r = c.getBoundingClientRect();
        if (r.bottom <= 0 || (r.width === 0 && r.height === 0)) {
          continue;
        }
        var pos = window.getComputedStyle(c).position;
        if (pos === "fixed" || pos === "sticky") {
          continue;
        }
        next = c;
        break;
      }
      if (!next) {
        return el === document.body ? null : el;
      }
      if (next.getBoundingClientRect().top >= 0 || !next.firstElementChild) {
        return next;
      }
      el = next;
    }
  }

  // fields returns the values typed into the form fields under el, by key.
  function fields(el) {
    var out = [];
    Array.prototype.forEach.call(el.querySelectorAll("input,textarea,select"), function (f) {
      var typed = f.type === "checkbox" || f.type === "radio" ? f.checked !== f.defaultChecked
        : f.tagName === "SELECT" ? Array.prototype.some.call(f.options, function (o) { return o.selected !== o.defaultSelected; })
          : f.value !== f.defaultValue;
      if (typed && f.type !== "hidden" && f.type !== "file") {
        out.push({ key: keyOf(f), value: f.value, checked: f.checked });
      }
    });
    return out;
  }

  function restoreFields(list) {
    list.forEach(function (v) {
      var f = find(v.key);
      if (!f || !("value" in f)) {
        return;
      }
      if (f.type === "checkbox" || f.type === "radio") {
        f.checked = v.checked;
      } else {
        f.value = v.value;
      }
    });
  }

  function apply(cur) {
    var ops = [];
    if (attrs(served) !== attrs(cur.documentElement)) {
      throw new Reload("the page's language or attributes changed");
    }
    planHead(served.querySelector("head"), cur.head, document.head, ops);
    planBody(served.querySelector("body"), cur.body, document.body, ops);
    if (!ops.length) {
      served = cur.documentElement;
      return;
    }
    var at = window.scrollY > 0 ? anchor() : null;
    var atKey = at && keyOf(at);
    var atTop = at && at.getBoundingClientRect().top;
    var focus = document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
    var focusKey = focus && keyOf(focus);
    var sel = focus && typeof focus.selectionStart === "number" ? [focus.selectionStart, focus.selectionEnd, focus.selectionDirection] : null;
    var typed = [];
    var added = [];
    ops.forEach(function (op) {
      if (op.live) {
        typed = typed.concat(fields(op.live));
        var el = document.importNode(op.cur, true);
        op.live.replaceWith(el);
        added.push(el);
        return;
      }
      op.add.forEach(function (n) {
        op.parent.insertBefore(document.importNode(n, true), op.before);
      });
      op.remove.forEach(function (n) {
        n.remove();
      });
    });
    served = cur.documentElement;
    restoreFields(typed);
    if (added.length) {
      document.dispatchEvent(new CustomEvent("handbook:content", { detail: { nodes: added } }));
    }
    if (focus && !focus.isConnected) {
      var f = find(focusKey);
      if (f && typeof f.focus === "function") {
        f.focus({ preventScroll: true });
        if (sel && typeof f.setSelectionRange === "function") {
          try {
            f.setSelectionRange(sel[0], sel[1], sel[2]);
          } catch (e) {
            // not a text field any more
          }
        }
      }
    }
    if (at) {
      var now = at.isConnected ? at : find(atKey);
      if (now) {
        window.scrollBy(0, now.getBoundingClientRect().top - atTop);
      }
    }
  }

  function run() {
    busy = true;
    again = false;
    var url = window.location.href.split("#")[0];
    window.fetch(url, { cache: "no-store", credentials: "same-origin", headers: { Accept: "text/html" } }).then(function (res) {
      if (!res.ok || res.redirected || !/^text\/html/.test(res.headers.get("Content-Type") || "")) {
        throw new Reload("the page is not served as it was");
      }
      return res.text();
    }).then(function (html) {
      apply(new DOMParser().parseFromString(html, "text/html"));
      busy = false;
      if (again) {
        run();
      }
    }).catch(function (err) {
      if (!(err instanceof Reload) && window.console) {
        window.console.warn("handbook: reloading, the page could not be updated in place:", err);
      }
      window.location.reload();
    });
  }

  // handbookPatch updates the page in place (or reloads it); calls made
  // while an update runs make one more after it.
  window.handbookPatch = function () {
    if (busy) {
      again = true;
      return;
    }
    run();
  };
})();
