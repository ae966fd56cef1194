/*! Site search. Reads the static index written by internal/search (format:
   internal/search/doc.go) and renders results into #search. No framework,
   no eval, no innerHTML: the DOM is built with createElement/textContent.

   The stemmers below are a port of the Snowball Finnish, Swedish and English
   (Porter2) stemmers, kept in step with github.com/blevesearch/snowballstem
   v0.9.0 by internal/search/node_test.go. Snowball licence:

   Copyright (c) 2001, Dr Martin Porter
   Copyright (c) 2004,2005, Richard Boulton
   Copyright (c) 2013, Yoshiki Shibukawa
   Copyright (c) 2006,2007,2009,2010,2011,2014-2019, Olly Betts
   All rights reserved.

   Redistribution and use in source and binary forms, with or without
   modification, are permitted provided that the following conditions
   are met:
     1. Redistributions of source code must retain the above copyright notice,
        this list of conditions and the following disclaimer.
     2. Redistributions in binary form must reproduce the above copyright
        notice, this list of conditions and the following disclaimer in the
        documentation and/or other materials provided with the distribution.
     3. Neither the name of the Snowball project nor the names of its
        contributors may be used to endorse or promote products derived from
        this software without specific prior written permission.

   THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
   AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
   IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
   ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE
   LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR
   CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF
   SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS
   INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN
   CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE)
   ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE
   POSSIBILITY OF SUCH DAMAGE. */
(function () {
  "use strict";

  /* ---- Snowball runtime: the subset the three stemmers use. Strings are
     BMP-only (the tokenizer drops other characters), so a UTF-16 index is a
     character index. Among tables are searched longest match first, which is
     what Snowball's binary search with fallback chains yields. */
  function Z(s) { this.s = s; this.c = 0; this.l = s.length; this.lb = 0; this.bra = 0; this.ket = s.length; }
  Z.prototype = {
    inGB: function (g) { if (this.c <= this.lb || g.indexOf(this.s[this.c - 1]) < 0) return false; this.c--; return true; },
    outGB: function (g) { if (this.c <= this.lb || g.indexOf(this.s[this.c - 1]) >= 0) return false; this.c--; return true; },
    eqSB: function (t) {
      var n = t.length;
      if (this.c - this.lb < n || this.s.slice(this.c - n, this.c) !== t) return false;
      this.c -= n; return true;
    },
    // find_among_b: a is [[suffix, result, condition?], ...] longest first
    fab: function (a) {
      var c = this.c;
      for (var i = 0; i < a.length; i++) {
        var t = a[i][0], n = t.length;
        if (c - this.lb >= n && this.s.slice(c - n, c) === t) {
          this.c = c - n;
          var ok = !a[i][2] || a[i][2](this);
          this.c = c - n;
          if (ok) return a[i][1];
        }
      }
      this.c = c; return 0;
    },
    rep: function (bra, ket, t) {
      var adj = t.length - (ket - bra);
      this.s = this.s.slice(0, bra) + t + this.s.slice(Math.max(ket, bra));
      this.l += adj;
      if (this.c >= ket) this.c += adj; else if (this.c > bra) this.c = bra;
      return adj;
    },
    from: function (t) { this.rep(this.bra, this.ket, t); },
    del: function () { this.rep(this.bra, this.ket, ""); },
    ins: function (t) {
      var c = this.c, adj = this.rep(c, c, t);
      if (c <= this.bra) this.bra += adj;
      if (c <= this.ket) this.ket += adj;
      this.c = c;
    }
  };
  // am("pa:1 sti:2", {den: f}) builds an among table; a missing result is 9.
  function am(spec, conds) {
    return spec.split(" ").map(function (e) {
      var p = e.split(":");
      return [p[0], +(p[1] || 9), conds && conds[p[0]]];
    }).sort(function (a, b) { return b[0].length - a[0].length; });
  }
  // setlimit tomark m for ([substring]): the among search below region m
  function amongIn(z, m, a) {
    if (z.c < m) return 0;
    var lb = z.lb; z.lb = m; z.ket = z.c;
    var r = z.fab(a);
    if (r) z.bra = z.c;
    z.lb = lb; return r;
  }
  // goto v gopast non-v: the region marks of all three algorithms
  function past(z, v) {
    while (z.c < z.l && v.indexOf(z.s[z.c]) < 0) z.c++;
    while (z.c < z.l && v.indexOf(z.s[z.c]) >= 0) z.c++;
    if (z.c >= z.l) return false;
    z.c++; return true;
  }
  function regions(z, v) {
    z.p1 = z.p2 = z.l;
    if (past(z, v)) { z.p1 = z.c; if (past(z, v)) z.p2 = z.c; }
  }

  /* ---- Finnish */
  var V1 = "aeiouyäö", V2 = "aeiouäö";
  function fiLong(z) { return z.fab(FI5) !== 0; }
  function fiVI(z) { return z.eqSB("i") && z.inGB(V2); }
  var FI0 = am("pa:1 sti:2 kaan:1 han:1 kin:1 hän:1 kään:1 ko:1 pä:1 kö:1"),
    FI1 = am("lla na ssa ta lta sta"), FI2 = am("llä nä ssä tä ltä stä"), FI3 = am("lle ine"),
    FI4 = am("nsa:3 mme:3 nne:3 ni:2 si:1 an:4 en:6 än:5 nsä:3"),
    FI5 = am("aa ee ii oo uu ää öö"),
    FI6 = am("a:8 lla na ssa ta lta sta tta:7 lle ine ksi n:10 han:1 den seen hen:2 tten hin:3 siin hon:4 hän:5 hön:6 ä:8 llä nä ssä tä ltä stä ttä:7",
      { den: fiVI, tten: fiVI, siin: fiVI, seen: fiLong }),
    FI7 = am("eja mma:1 imma mpa:1 impa mmi:1 immi mpi:1 impi ejä mmä:1 immä mpä:1 impä"),
    FI8 = am("i j"), FI9 = am("mma:1 imma");
  // Result numbers differ from the Snowball source where noted: 7 is "tta"
  // (Snowball 9), 10 is "n" (Snowball 7), 9 is "just delete".
  function fiStem(z) {
    var r, v;
    regions(z, V1);
    z.c = z.l; z.er = false;
    r = amongIn(z, z.p1, FI0); // particle_etc
    if (r && (r === 1 ? z.inGB("aeinotuyäö") : r === 2 ? z.p2 <= z.c : true)) z.del();
    z.c = z.l;
    r = amongIn(z, z.p1, FI4); // possessive
    if (r === 1) { if (!z.eqSB("k")) z.del(); }
    else if (r === 2) { z.del(); z.ket = z.c; if (z.eqSB("kse")) { z.bra = z.c; z.from("ksi"); } }
    else if (r === 3) z.del();
    else if (r >= 4 && z.fab([FI1, FI2, FI3][r - 4])) z.del();
    z.c = z.l;
    r = amongIn(z, z.p1, FI6); // case_ending
    if (r) {
      var ok = true;
      if (r <= 6) ok = z.eqSB("aeioäö"[r - 1]);
      else if (r === 7) ok = z.eqSB("e");
      else if (r === 8) ok = z.inGB(V1) && z.outGB(V1);
      else if (r === 10) {
        v = z.l - z.c;
        if (fiLong(z) || (z.c = z.l - v, z.eqSB("ie"))) {
          z.c = z.l - v;
          if (z.c > z.lb) { z.c--; z.bra = z.c; }
        }
        z.c = z.l - v;
      }
      if (ok) { z.del(); z.er = true; }
    }
    z.c = z.l;
    r = amongIn(z, z.p2, FI7); // other_endings
    if (r && !(r === 1 && z.eqSB("po"))) z.del();
    z.c = z.l;
    if (z.er) { if (amongIn(z, z.p1, FI8)) z.del(); } // i_plural
    else if (z.c >= z.p1) { // t_plural
      var lb = z.lb; z.lb = z.p1; z.ket = z.c;
      if (z.eqSB("t")) {
        z.bra = z.c; v = z.l - z.c;
        if (z.inGB(V1)) {
          z.c = z.l - v; z.del(); z.lb = lb;
          r = amongIn(z, z.p2, FI9);
          if (r && !(r === 1 && z.eqSB("po"))) z.del();
        }
      }
      z.lb = lb;
    }
    z.c = z.l;
    if (z.c < z.p1) return; // tidy
    lb = z.lb; z.lb = z.p1;
    if (fiLong(z)) { z.c = z.l; z.ket = z.c; if (z.c > z.lb) { z.c--; z.bra = z.c; z.del(); } }
    z.c = z.l; z.ket = z.c;
    if (z.inGB("aeiä")) { z.bra = z.c; if (z.outGB(V1)) z.del(); }
    z.c = z.l; z.ket = z.c;
    if (z.eqSB("j")) { z.bra = z.c; v = z.l - z.c; if (z.eqSB("o") || (z.c = z.l - v, z.eqSB("u"))) z.del(); }
    z.c = z.l; z.ket = z.c;
    if (z.eqSB("o")) { z.bra = z.c; if (z.eqSB("j")) z.del(); }
    z.c = z.l; z.lb = lb;
    while (!(z.c > z.lb && V1.indexOf(z.s[z.c - 1]) < 0)) { if (z.c <= z.lb) return; z.c--; }
    z.ket = z.c;
    if (z.c <= z.lb) return;
    z.c--; z.bra = z.c;
    if (z.eqSB(z.s.slice(z.bra, z.ket))) z.del();
  }

  /* ---- Swedish */
  var SV0 = am("a arna erna heterna orna ad e ade ande arne are aste en anden aren heten ern ar er heter or s:2 as arnas ernas ornas es ades andes ens arens hetens erns at andet het ast"),
    SV1 = am("dd gd nn dt gt kt tt"), SV2 = am("ig lig els fullt:3 löst:2");
  function svStem(z) {
    z.p1 = z.l;
    if (z.l >= 3) { past(z, "aeiouyäåö") && (z.p1 = Math.max(z.c, 3)); }
    z.c = z.l;
    var r = amongIn(z, z.p1, SV0);
    if (r && (r !== 2 || z.inGB("bcdfghjklmnoprtvy"))) z.del();
    z.c = z.l;
    if (z.c >= z.p1) { // consonant_pair
      var lb = z.lb; z.lb = z.p1;
      if (z.fab(SV1)) { z.c = z.l; z.ket = z.c; if (z.c > z.lb) { z.c--; z.bra = z.c; z.del(); } }
      z.lb = lb;
    }
    z.c = z.l;
    r = amongIn(z, z.p1, SV2);
    if (r) z.from(r === 2 ? "lös" : r === 3 ? "full" : "");
  }

  /* ---- English (Porter2) */
  var EV = "aeiouy",
    EX1 = { skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "", news: "", howe: "", atlas: "", cosmos: "", bias: "", andes: "" },
    EX2 = " succeed proceed exceed canning inning earring herring outing ",
    EN1 = am("' 's' 's"), EN2 = am("ied:2 s:3 ies:2 sses:1 ss us"),
    EN3 = am(":3 bb:2 dd:2 ff:2 gg:2 bl:1 mm:2 nn:2 pp:2 rr:2 at:1 tt:2 iz:1"),
    EN4 = am("ed:2 eed:1 ing:2 edly:2 eedly:1 ingly:2"),
    EN5 = am("anci:3 enci:2 ogi:13 li:16 bli:12 abli:4 alli:8 fulli:14 lessli:15 ousli:10 entli:5 aliti:8 biliti:12 iviti:11 tional:1 ational:7 alism:8 ation:7 ization:6 izer:6 ator:7 iveness:11 fulness:9 ousness:10"),
    EN5R = ",tion,ence,ance,able,ent,ize,ate,al,ful,ous,ive,ble,,ful,less".split(","),
    EN6 = am("icate:4 ative:6 alize:3 iciti:4 ical:4 tional:1 ational:2 ful:5 ness:5"),
    EN6R = ",tion,ate,al,ic".split(","),
    EN7 = am("ic ance ence able ible ate ive ize iti al ism ion:2 er ous ant ent ment ement"),
    EN8 = am("e:1 l:2");
  function shortv(z) {
    var v = z.l - z.c;
    if (z.outGB("Yaeiouwxy") && z.inGB(EV) && z.outGB(EV)) return true;
    z.c = z.l - v;
    return z.outGB(EV) && z.inGB(EV) && z.c <= z.lb;
  }
  // gopast v, backwards
  function vowelBefore(z) {
    for (;;) { if (z.inGB(EV)) return true; if (z.c <= z.lb) return false; z.c--; }
  }
  function enStem(z) {
    var r, v, i;
    if (EX1.hasOwnProperty(z.s)) { z.s = EX1[z.s] || z.s; return; }
    if (z.l < 3) return;
    var yf = false;
    if (z.s[0] === "'") { z.s = z.s.slice(1); z.l--; } // prelude
    if (z.s[0] === "y") { z.s = "Y" + z.s.slice(1); yf = true; }
    for (i = 0; i + 1 < z.l; i++) {
      if (EV.indexOf(z.s[i]) >= 0 && z.s[i + 1] === "y") { z.s = z.s.slice(0, i + 1) + "Y" + z.s.slice(i + 2); yf = true; }
    }
    z.c = 0; // mark_regions
    var m = /^(arsen|commun|gener)/.exec(z.s);
    z.p1 = z.p2 = z.l;
    if (m) { z.c = m[0].length; z.p1 = z.c; if (past(z, EV)) z.p2 = z.c; }
    else regions(z, EV);
    z.c = z.l; z.ket = z.c; // Step_1a
    if (z.fab(EN1)) { z.bra = z.c; z.del(); }
    z.c = z.l; z.ket = z.c;
    r = z.fab(EN2);
    if (r) {
      z.bra = z.c;
      if (r === 1) z.from("ss");
      else if (r === 2) z.from(z.c - 2 >= z.lb ? "i" : "ie");
      else if (r === 3 && z.c > z.lb) { z.c--; if (vowelBefore(z)) z.del(); }
    }
    z.c = z.l;
    if (EX2.indexOf(" " + z.s + " ") < 0) {
      z.ket = z.c; // Step_1b
      r = z.fab(EN4);
      if (r) {
        z.bra = z.c;
        if (r === 1) { if (z.p1 <= z.c) z.from("ee"); }
        else {
          v = z.l - z.c;
          if (vowelBefore(z)) {
            z.c = z.l - v; z.del();
            v = z.l - z.c; r = z.fab(EN3); z.c = z.l - v;
            if (r === 1) z.ins("e");
            else if (r === 2) { z.ket = z.c; if (z.c > z.lb) { z.c--; z.bra = z.c; z.del(); } }
            else if (r === 3 && z.c === z.p1) { v = z.l - z.c; if (shortv(z)) { z.c = z.l - v; z.ins("e"); } }
          }
        }
      }
      z.c = z.l; z.ket = z.c; // Step_1c
      v = z.l - z.c;
      if (z.eqSB("y") || (z.c = z.l - v, z.eqSB("Y"))) {
        z.bra = z.c;
        if (z.outGB(EV) && z.c > z.lb) z.from("i");
      }
      z.c = z.l; z.ket = z.c; // Step_2
      r = z.fab(EN5);
      if (r) {
        z.bra = z.c;
        if (z.p1 <= z.c) {
          if (r === 13) { if (z.eqSB("l")) z.from("og"); }
          else if (r === 16) { if (z.inGB("cdeghkmnrt")) z.del(); }
          else z.from(EN5R[r]);
        }
      }
      z.c = z.l; z.ket = z.c; // Step_3
      r = z.fab(EN6);
      if (r) {
        z.bra = z.c;
        if (z.p1 <= z.c) {
          if (r <= 4) z.from(EN6R[r]);
          else if (r === 5 || z.p2 <= z.c) z.del();
        }
      }
      z.c = z.l; z.ket = z.c; // Step_4
      r = z.fab(EN7);
      if (r) {
        z.bra = z.c;
        if (z.p2 <= z.c) {
          v = z.l - z.c;
          if (r === 9 || z.eqSB("s") || (z.c = z.l - v, z.eqSB("t"))) z.del();
        }
      }
      z.c = z.l; z.ket = z.c; // Step_5
      r = z.fab(EN8);
      if (r) {
        z.bra = z.c;
        if (r === 1) {
          v = z.l - z.c;
          if (z.p2 <= z.c || (z.p1 <= z.c && !shortv(z))) { z.c = z.l - v; z.del(); }
        } else if (z.p2 <= z.c && z.eqSB("l")) z.del();
      }
    }
    if (yf) z.s = z.s.replace(/Y/g, "y"); // postlude
  }

  /* ---- What Snowball leaves apart: the rules of conflate in
     internal/search/stem.go. */
  var FIV = "aeiouyäö", SVV = "aeiouyäåö";
  function vowelThen(s, x) { return s.length > x.length && s.endsWith(x) && FIV.indexOf(s[s.length - x.length - 1]) >= 0; }
  function conflateFi(w, s) {
    var n = s.length;
    if (/nen$/.test(w) && /in$/.test(s) && n - 1 >= 4) return s.slice(0, -1);
    if (/(uud|yyd|uut|yyt)$/.test(s) && n - 1 >= 4) return s.slice(0, -1);
    if (vowelThen(s, "ks") && n - 2 >= 4) return s.slice(0, -2);
    if (vowelThen(s, "st") && n - 2 >= 4) return s.slice(0, -2);
    if (vowelThen(s, "s") && n - 1 >= 4) return s.slice(0, -1);
    return s;
  }
  function svR1(s) {
    for (var i = 1; i < s.length; i++) {
      if (SVV.indexOf(s[i]) < 0 && SVV.indexOf(s[i - 1]) >= 0) return Math.max(i + 1, Math.min(3, s.length));
    }
    return s.length;
  }
  function conflateSv(w, s, sb) {
    if (/ena$/.test(w) && s === w.slice(0, -1) && w.length >= 7) return sb(w.slice(0, -3));
    for (var k = 0; k < 2 && /(et|an)$/.test(s); k++) {
      var base = s.slice(0, -2);
      if (base.length < svR1(s) || base.length < 3) break;
      s = sb(base);
    }
    return s;
  }
  function conflateEn(w, s) {
    if (s !== w || w.length < 4 || !/s$/.test(w) || /ss$/.test(w)) return s;
    var p = w.slice(0, -1);
    return /[aeiouy]/.test(p.slice(0, -1)) ? s : p;
  }

  var ALGS = { fi: fiStem, sv: svStem, en: enStem };
  function stemmer(lang) {
    var alg = ALGS[lang];
    function sb(w) { var z = new Z(w); alg(z); return z.s; }
    return function (w) {
      var s = sb(w);
      return lang === "fi" ? conflateFi(w, s) : lang === "sv" ? conflateSv(w, s, sb) : conflateEn(w, s);
    };
  }

  /* ---- Tokenizer: the same rules as internal/search/tokenize.go. */
  var WORD = /[\p{L}\p{N}\p{M}]/u;
  function isW(ch) { return ch !== undefined && WORD.test(ch); }
  function joiner(ch, lang) {
    return ch === "-" || ch === "\u2010" || ch === "\u2011" ? "-" :
      ch === "'" || ch === "\u2019" ? "'" : ch === ":" && lang !== "en" ? ":" : "";
  }
  // tokens(text, lang) -> [{w: normalised word, s: start, e: end}] on NFC text
  function tokens(text, lang) {
    var out = [], i = 0, n = text.length;
    while (i < n) {
      if (!isW(text[i])) { i++; continue; }
      var st = i, end = ++i;
      while (i < n) {
        if (isW(text[i])) end = ++i;
        else if (joiner(text[i], lang) && isW(text[i + 1])) i++;
        else break;
      }
      var w = "", len = 0;
      for (var k = st; k < end; k++) {
        var j = joiner(text[k], lang);
        if (j === ":") break; // "EU:n" -> "eu"
        w += j || (text[k] === "\u0130" ? "i" : text[k].toLowerCase());
        len++;
      }
      if (len && len <= 48) out.push({ w: w, s: st, e: end });
    }
    return out;
  }

  /* ---- Index access and query evaluation. fetchFn has the signature of
     window.fetch; tests pass one that reads files from disk. */
  var EXACT = 4, PREFIX = 3, TYPO = 2, TYPO2 = 1, PAGE = 10, MAXWORDS = 6, FORMAT = 3;
  var QUOTES = "\"\u201c\u201d\u201e", REV = "-", TYPO_TERMS = 3, ENC = new TextEncoder();

  // parse returns the words of a query ({w, s, e, last, phrase}; s and e
  // locate the word in text) and its phrases ([first, last] word indexes):
  // quoted runs of words, and the parts of each hyphenated word. An
  // unclosed quote is ignored.
  function parse(q, lang) {
    var text = q.normalize("NFC"), quotes = [], out = { text: text, words: [], phrases: [] }, i;
    for (i = 0; i < text.length; i++) if (QUOTES.indexOf(text[i]) >= 0) quotes.push(i);
    var open = -1, from = 0;
    function close() {
      if (open >= 0 && out.words.length - from >= 2) out.phrases.push([from, out.words.length - 1]);
      open = -1;
    }
    tokens(text, lang).forEach(function (t) {
      var c = 0;
      while (c < quotes.length && quotes[c] < t.s) c++;
      var inP = c % 2 === 1 && c < quotes.length;
      if (!inP || c !== open) close();
      if (inP && open < 0) { open = c; from = out.words.length; }
      var parts = t.w.split("-"), first = out.words.length, pos = t.s;
      parts.forEach(function (p) {
        out.words.push({ w: p, s: pos, e: pos + p.length, phrase: inP, last: false });
        pos += p.length + 1;
      });
      if (parts.length > 1 && !inP) out.phrases.push([first, out.words.length - 1]);
    });
    close();
    if (out.words.length > MAXWORDS) {
      out.words = out.words.slice(0, MAXWORDS);
      out.phrases = out.phrases.map(function (p) { return [p[0], Math.min(p[1], MAXWORDS - 1)]; })
        .filter(function (p) { return p[1] > p[0]; });
    }
    var last = out.words[out.words.length - 1];
    if (last && !last.phrase) last.last = true;
    return out;
  }

  // Edit distances (see internal/search/doc.go): words found nowhere match
  // words within autoDist edits, ranked below exact matches; a "Did you
  // mean" suggestion may be within suggestDist.
  function autoDist(n) { return n >= 9 ? 2 : n >= 5 ? 1 : 0; }
  function suggestDist(n) { return n >= 7 ? 2 : n >= 4 ? 1 : 0; }
  // osa returns the optimal string alignment distance of a and b
  // (insertions, deletions, substitutions, swaps of neighbours), or max+1.
  function osa(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = [], prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v; low = Math.min(low, v);
      }
      if (low > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return Math.min(prev[b.length], max + 1);
  }
  function reverse(s) { return s.split("").reverse().join(""); }
  // spellKey: the first two letters, a character for the length, the rest
  function keyWord(k) {
    var rev = k.startsWith(REV), w = rev ? k.slice(1) : k;
    w = w.slice(0, 2) + w.slice(3);
    return rev ? reverse(w) : w;
  }
  function fnv(s) {
    var b = ENC.encode(s), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 16777619); }
    return h >>> 0;
  }
  function pairHash(a, b) {
    var h = Math.imul(a, 0x9E3779B1) ^ b;
    h ^= h >>> 16; h = Math.imul(h, 0x85EBCA6B); h ^= h >>> 13; h = Math.imul(h, 0xC2B2AE35); h ^= h >>> 16;
    return h >>> 0;
  }

  function reader(buf) {
    var b = new Uint8Array(buf), r = { p: 0, b: b, td: new TextDecoder() };
    r.uv = function () { var x = 0, s = 1, c; do { c = b[r.p++]; x += (c & 127) * s; s *= 128; } while (c & 128); return x; };
    // str reads a front-coded string: shared byte count, suffix
    r.str = function (prev) {
      var sh = r.uv(), n = r.uv(), t = new Uint8Array(sh + n);
      t.set(prev.subarray(0, sh)); t.set(b.subarray(r.p, r.p + n), sh); r.p += n;
      return t;
    };
    return r;
  }

  function decodeChunk(buf) {
    var r = reader(buf), b = r.b, terms = [], map = new Map(), hints = new Map(), prev = new Uint8Array(0), i, k;
    for (i = r.uv(); i > 0; i--) {
      prev = r.str(prev);
      var t = r.td.decode(prev), df = r.uv(), e = { df: df, idf: b[r.p++], post: [] }, d = 0;
      for (k = 0; k < df; k++) { d += r.uv(); e.post.push(d, b[r.p++], r.uv()); } // doc, score, fragment*4 + flags
      terms.push(t); map.set(t, e);
    }
    prev = new Uint8Array(0);
    for (i = r.uv(); i > 0; i--) {
      prev = r.str(prev);
      var list = [];
      for (k = r.uv(); k > 0; k--) { var n = r.uv(); list.push(r.td.decode(b.subarray(r.p, r.p + n))); r.p += n; }
      hints.set(r.td.decode(prev), list);
    }
    return { terms: terms, map: map, hints: hints };
  }
  // decodeSpell returns a spelling chunk's [key, pages] entries
  function decodeSpell(buf) {
    var r = reader(buf), out = [], prev = new Uint8Array(0);
    for (var i = r.uv(); i > 0; i--) { prev = r.str(prev); out.push([r.td.decode(prev), r.b[r.p++]]); }
    return out;
  }
  // decodeBucket returns a phrase bucket: pair hash rest -> page ids
  function decodeBucket(buf) {
    var r = reader(buf), out = new Map(), rest = 0;
    for (var i = r.uv(); i > 0; i--) {
      rest += r.uv();
      var docs = [], d = 0;
      for (var k = r.uv(); k > 0; k--) { d += r.uv(); docs.push(d); }
      out.set(rest, docs);
    }
    return out;
  }

  function chunkOf(seps, t) {
    var lo = 0, hi = seps.length; // first index with seps[i] > t
    while (lo < hi) { var mid = (lo + hi) >> 1; if (seps[mid] > t) hi = mid; else lo = mid + 1; }
    return lo - 1;
  }

  function commonPrefix(a, b) { var i = 0; while (i < a.length && a[i] === b[i]) i++; return a.slice(0, i); }

  function Engine(base, lang, fetchFn) {
    var cache = new Map(), stem = stemmer(lang), man;
    this.stem = stem;
    this.lang = lang;
    if (!/\/$/.test(base)) base += "/";
    // Failed requests are forgotten, so that the next search retries them.
    function manifest() {
      if (!man) man = fetchFn(base + "manifest.json", { cache: "no-cache" }).then(function (r) {
        if (!r.ok) throw new Error("manifest " + r.status);
        return r.json();
      }).catch(function (e) { man = null; throw e; });
      return man;
    }
    function get(name, json) {
      if (!cache.has(name)) cache.set(name, manifest().then(function (m) {
        return fetchFn(base + name + "?v=" + m.build);
      }).then(function (r) {
        if (!r.ok) throw new Error(name + " " + r.status);
        return json ? r.json() : r.arrayBuffer();
      }).catch(function (e) { cache.delete(name); throw e; }));
      return cache.get(name);
    }
    var decoded = new Map(); // decoded files
    function file(name, decode) {
      if (!decoded.has(name)) decoded.set(name, get(name).then(decode).catch(function (e) { decoded.delete(name); throw e; }));
      return decoded.get(name);
    }
    function chunk(i) { return file("t/" + i + ".bin", decodeChunk); }
    function lookup(m, t) { return chunk(chunkOf(m.seps, t)).then(function (c) { return c.map.get(t); }); }

    // The terms a query word stands for: its stem (exact) and completions of
    // a prefix: the typed text for the last word, and for any word of six or
    // more letters the stem's stable part minus one letter, which catches
    // forms Snowball does not conflate ("kumppanuus"/"kumppanuuden").
    function alternatives(m, w, last) {
      var s = stem(w), base = commonPrefix(w, s);
      var pfx = base.length >= 6 ? base.slice(0, -1) : last ? w : "";
      var alts = new Map(), jobs = [lookup(m, s).then(function (e) { if (e) alts.set(s, [e, EXACT]); })];
      if (pfx) jobs.push(completions(m, pfx, last).then(function (list) {
        list.forEach(function (x) { if (!alts.has(x[0])) alts.set(x[0], [x[1], PREFIX]); });
      }));
      return Promise.all(jobs).then(function () { return { alts: alts, pfx: pfx, fix: "" }; });
    }
    // All terms starting with p if they lie in at most m.p chunks (one for a
    // complete word), otherwise for the last word the hint's most frequent
    // ones, and for other words none: they have their exact stem.
    function completions(m, p, last) {
      var lo = chunkOf(m.seps, p), hi = lo;
      while (hi + 1 < m.seps.length && m.seps[hi + 1].startsWith(p)) hi++;
      if (!last && hi > lo) return Promise.resolve([]);
      if (hi - lo + 1 <= m.p) {
        var ids = [];
        for (var i = lo; i <= hi; i++) ids.push(chunk(i));
        return Promise.all(ids).then(function (cs) {
          var out = [];
          cs.forEach(function (c) { c.terms.forEach(function (t) { if (t.startsWith(p)) out.push([t, c.map.get(t)]); }); });
          return out;
        });
      }
      return chunk(lo).then(function (c) {
        return Promise.all((c.hints.get(p) || []).map(function (t) {
          return lookup(m, t).then(function (e) { return [t, e]; });
        }));
      }).then(function (list) { return list.filter(function (x) { return x[1]; }); });
    }

    // candidates resolves to the words of the spelling table within
    // suggestDist of w, [word, distance, pages], nearest and most used
    // first: the words of its length give or take the distance that start
    // with its first two letters, or end with its last two.
    function candidates(w) {
      var d = suggestDist(w.length);
      if (!d || !/^\p{L}+$/u.test(w)) return Promise.resolve([]);
      return get("w.json", true).then(function (seps) {
        if (!seps.length) return [];
        var jobs = [];
        [w, REV + reverse(w)].forEach(function (k) {
          var p = k.slice(0, k.length - w.length + 2);
          var lo = p + String.fromCharCode(48 + w.length - d), hi = p + String.fromCharCode(49 + w.length + d);
          for (var i = chunkOf(seps, lo); i <= chunkOf(seps, hi); i++) jobs.push(file("w/" + i + ".bin", decodeSpell).then(function (c) {
            return c.filter(function (e) { return e[0] >= lo && e[0] < hi; });
          }));
        });
        return Promise.all(jobs);
      }).then(function (lists) {
        var out = [];
        lists.forEach(function (l) {
          l.forEach(function (e) {
            var word = keyWord(e[0]), dist = osa(w, word, d);
            if (dist <= d) out.push([word, dist, e[1]]);
          });
        });
        out.sort(function (a, b) { return a[1] - b[1] || b[2] - a[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); });
        return out.filter(function (c, i) { return !i || c[0] !== out[i - 1][0]; });
      });
    }
    // typos resolves to the alternatives of a word found nowhere: the stems
    // of its (at most TYPO_TERMS) nearest candidates within autoDist; and
    // the candidate a suggestion uses.
    function typos(m, w) {
      return candidates(w).then(function (cands) {
        var terms = [], dists = [], auto = autoDist(w.length);
        for (var i = 0; i < cands.length && terms.length < TYPO_TERMS && cands[i][1] <= auto; i++) {
          var t = stem(cands[i][0]);
          if (terms.indexOf(t) < 0) { terms.push(t); dists.push(cands[i][1]); }
        }
        return Promise.all(terms.map(function (t) { return lookup(m, t); })).then(function (es) {
          var alts = new Map();
          es.forEach(function (e, i) { if (e) alts.set(terms[i], [e, dists[i] > 1 ? TYPO2 : TYPO]); });
          return { alts: alts, fix: cands.length ? cands[0][0] : "" };
        });
      });
    }

    // pairDocs resolves to the pages that have term a just before term b.
    function pairDocs(m, a, b) {
      if (!m.b) return Promise.resolve([]);
      var h = pairHash(fnv(a), fnv(b));
      return file("p/" + (h & (m.b - 1)) + ".bin", decodeBucket).then(function (bk) {
        return bk.get(Math.floor(h / m.b)) || [];
      });
    }
    // phraseTerms: the terms of a word a phrase check uses, the exact one
    // or else the typo ones; none (no check) for a word known by prefix.
    function phraseTerms(g) {
      var exact = [], typo = [];
      g.alts.forEach(function (a, t) { if (a[1] === EXACT) exact.push(t); else if (a[1] <= TYPO) typo.push(t); });
      return exact.length ? exact : typo;
    }
    // phraseDocs resolves to the set of pages that have every checked pair
    // of words of every phrase, or null if no pair was checked.
    function phraseDocs(m, pq, groups) {
      var jobs = [];
      pq.phrases.forEach(function (p) {
        for (var i = p[0]; i < p[1]; i++) {
          var as = phraseTerms(groups[i]), bs = phraseTerms(groups[i + 1]), pair = [];
          if (!as.length || !bs.length) continue;
          as.forEach(function (a) { bs.forEach(function (b) { pair.push(pairDocs(m, a, b)); }); });
          jobs.push(Promise.all(pair));
        }
      });
      if (!jobs.length) return Promise.resolve(null);
      return Promise.all(jobs).then(function (pairs) {
        var sets = pairs.map(function (lists) {
          var s = new Set();
          lists.forEach(function (l) { l.forEach(function (d) { s.add(d); }); });
          return s;
        });
        return new Set(Array.from(sets[0]).filter(function (d) { return sets.every(function (s) { return s.has(d); }); }));
      });
    }

    // search resolves to {docs: [{id, n, t, sec, score, frag}], marks,
    // suggest}: pages in rank order (n: words matched, t: of them in the
    // title), the excerpt marker, and the query with misspelt words
    // corrected ("" if none is).
    this.search = function (q) {
      var pq = parse(q, lang), m, fixes = new Map();
      if (!pq.words.length) return Promise.resolve({ docs: [], marks: null, suggest: "" });
      return manifest().then(function (mm) {
        m = mm;
        if (m.v !== FORMAT) throw new Error("index format " + m.v);
        if (!m.n) return [];
        return Promise.all(pq.words.map(function (t) { return alternatives(m, t.w, t.last); }));
      }).then(function (groups) {
        return Promise.all(groups.map(function (g, i) {
          if (g.alts.size) return null;
          return typos(m, pq.words[i].w).then(function (r) {
            g.alts = r.alts; g.fix = r.fix;
            if (r.fix) fixes.set(i, r.fix);
          });
        })).then(function () { return groups.length ? phraseDocs(m, pq, groups) : null; }).then(function (ph) {
          return { docs: rank(groups, ph), marks: marker(groups), suggest: suggestion(pq, fixes) };
        });
      });
    };

    // rank returns the pages in rank order: those with every phrase (if
    // any has them all), then every word (if any has), before the others;
    // more words, more of them in the title, a section the query names, a
    // higher score, the lower page id (shorter, deeper pages first).
    function rank(groups, ph) {
      var docs = new Map();
      groups.forEach(function (g, gi) {
        g.alts.forEach(function (a) {
          var e = a[0], post = e.post;
          for (var k = 0; k < post.length; k += 3) {
            var sc = e.idf * post[k + 1] * a[1], d = docs.get(post[k]), x = post[k + 2], f = Math.floor(x / 4);
            if (!d) docs.set(post[k], d = { id: post[k], best: [], frags: [], title: [], sec: [] });
            var cur = d.best[gi]; // best alternative; on a tie the lower fragment
            if (cur === undefined || sc > cur || (sc === cur && f < d.frags[gi])) { d.best[gi] = sc; d.frags[gi] = f; }
            if (x & 1) d.title[gi] = true; // the page's title has the word
            if (x & 2) d.sec[gi] = true; // ... and the page heads a section
          }
        });
      });
      var list = [];
      docs.forEach(function (d) {
        var n = 0, t = 0, score = 0, freq = {}, frag = 0, top = 0;
        d.best.forEach(function (sc, gi) {
          if (sc === undefined) return;
          n++; score += sc;
          if (d.title[gi]) t++;
          var f = d.frags[gi];
          freq[f] = (freq[f] || 0) + 1;
          if (freq[f] > top || (freq[f] === top && f < frag)) { top = freq[f]; frag = f; }
        });
        var sec = groups.every(function (g, gi) { return d.sec[gi]; }) ? 1 : 0;
        list.push({ id: d.id, n: n, t: t, sec: sec, score: score, frag: frag });
      });
      list = keep(list, function (d) { return !ph || ph.has(d.id); });
      list = keep(list, function (d) { return d.n === groups.length; });
      return list.sort(function (a, b) { return b.n - a.n || b.t - a.t || b.sec - a.sec || b.score - a.score || a.id - b.id; });
    }
    function keep(list, f) { var out = list.filter(f); return out.length ? out : list; }

    // marker returns a test for excerpt words: same stem as a matched term,
    // starting with a searched prefix, or containing a matched term (a
    // compound part).
    function marker(groups) {
      var terms = new Set(), pfx = [];
      groups.forEach(function (g) { g.alts.forEach(function (a, t) { terms.add(t); }); if (g.pfx) pfx.push(g.pfx); });
      var parts = Array.from(terms).concat(pfx).filter(function (t) { return t.length >= 4; });
      return function (w) {
        return terms.has(stem(w)) || pfx.some(function (p) { return w.startsWith(p); }) ||
          parts.some(function (t) { return w.indexOf(t) > 0; });
      };
    }

    // fragment resolves to what a result shows: {u: URL, t: title,
    // s: section, x: text}, the text being the fragment of the result's
    // page file that its matched words point to.
    this.fragment = function (d) {
      return get("docs.bin").then(function (buf) {
        var b = new Uint8Array(buf, d.id * 5, 5), h = "";
        for (var i = 0; i < 5; i++) h += (b[i] < 16 ? "0" : "") + b[i].toString(16);
        return get("f/" + h + ".json", true);
      }).then(function (p) {
        return { u: p.u, t: p.t, s: p.s, x: p.x[d.frag] || "" };
      });
    };
  }

  // suggestion returns the query text with the words of fixes (word index
  // -> correction) replaced, capitalised as typed; "" if there are none.
  function suggestion(pq, fixes) {
    if (!fixes.size) return "";
    var out = pq.text;
    for (var i = pq.words.length - 1; i >= 0; i--) {
      if (!fixes.has(i)) continue;
      var w = pq.words[i], fix = fixes.get(i), c = out[w.s];
      if (c !== c.toLowerCase()) fix = fix[0].toUpperCase() + fix.slice(1);
      out = out.slice(0, w.s) + fix + out.slice(w.e);
    }
    return out;
  }

  // excerpt returns [text, marked?] pieces: about 30 words around the
  // densest cluster of marked words.
  function excerpt(text, lang, mark) {
    var toks = tokens(text, lang), W = 30, best = 0, bestN = -1, i, j;
    var hit = toks.map(function (t) { return mark(t.w); });
    for (i = 0; i < toks.length; i++) {
      if (!hit[i]) continue;
      var seen = new Set();
      for (j = i; j < Math.min(toks.length, i + W); j++) if (hit[j]) seen.add(toks[j].w);
      if (seen.size > bestN) { bestN = seen.size; best = i; }
    }
    var from = Math.max(0, best - 6), to = Math.min(toks.length, from + W), out = [];
    if (!toks.length) return out;
    var pos = from > 0 ? toks[from].s : 0;
    if (from > 0) out.push(["… ", false]);
    for (i = from; i < to; i++) {
      if (toks[i].s > pos) out.push([text.slice(pos, toks[i].s), false]);
      out.push([text.slice(toks[i].s, toks[i].e), hit[i]]);
      pos = toks[i].e;
    }
    out.push([to < toks.length ? " …" : text.slice(pos), false]);
    return out.map(function (x) { return [x[0].replace(/\s+/g, " "), x[1]]; });
  }

  /* ---- User interface, written against the DOM of the search page.
     init may run again (the preview's event "handbook:content", sent after
     it replaced parts of the page): the interface is then left as it is if
     its elements are the same, else the old one is stopped (its listeners
     removed) and a new one started on the new elements, taking the query
     from the field or the address. */
  var current = null;
  function init() {
    var root = document.getElementById("search"), input = document.getElementById("search-q");
    var status = document.getElementById("search-status"), list = document.getElementById("search-results");
    if (!root || !input || !status || !list || !window.fetch) return;
    if (current && current.root === root && current.input === input && current.status === status && current.list === list) return;
    if (current) current.stop();
    var off = [];
    function on(target, type, fn) {
      target.addEventListener(type, fn);
      off.push(function () { target.removeEventListener(type, fn); });
    }
    var lang = root.getAttribute("data-lang") || "en";
    var engine = new Engine(root.getAttribute("data-index"), lang, window.fetch.bind(window));
    var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
    var more = document.createElement("button");
    more.type = "button"; more.className = "search-more"; more.hidden = true;
    more.textContent = msg("more");
    list.parentNode.insertBefore(more, list.nextSibling);
    var seq = 0, timer = 0, state = null;

    function msg(k, vars) {
      return (root.getAttribute("data-msg-" + k) || "").replace(/\{(\w+)\}/g, function (m, v) {
        return vars && v in vars ? vars[v] : m;
      });
    }
    function setURL(q) {
      var u = new URL(location.href);
      if (q) u.searchParams.set("q", q); else u.searchParams.delete("q");
      history.replaceState(history.state, "", u.href);
    }
    function item(d, f, mark) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = /^\/(?!\/)/.test(f.u) ? f.u : "#"; // root-relative links only
      a.textContent = f.t || f.u;
      li.appendChild(a);
      if (f.s) {
        var sec = document.createElement("p");
        sec.className = "search-section"; sec.textContent = f.s;
        li.appendChild(sec);
      }
      var p = document.createElement("p");
      p.className = "search-excerpt";
      excerpt(f.x, lang, mark).forEach(function (x) {
        if (!x[1]) { p.appendChild(document.createTextNode(x[0])); return; }
        var m = document.createElement("mark");
        m.textContent = x[0];
        p.appendChild(m);
      });
      li.appendChild(p);
      return li;
    }
    // show renders the next page of state's results; focus moves only when
    // the reader asked for more.
    function show(my, focus) {
      var page = state.res.docs.slice(state.shown, state.shown + PAGE);
      return Promise.all(page.map(engine.fragment)).then(function (frags) {
        if (my !== seq) return;
        var first = null;
        frags.forEach(function (f, i) {
          var li = item(page[i], f, state.res.marks);
          list.appendChild(li);
          first = first || li.firstChild;
        });
        state.shown += page.length;
        more.hidden = state.shown >= state.res.docs.length;
        if (focus && first) first.focus();
      });
    }
    // didYouMean returns the "Did you mean" sentence for s, whose link
    // searches s here.
    function didYouMean(s) {
      var span = document.createElement("span"), parts = msg("suggest").split("{q}"), a = document.createElement("a");
      var u = new URL(location.href);
      u.searchParams.set("q", s);
      a.href = u.pathname + u.search;
      a.textContent = s;
      a.addEventListener("click", function (e) { e.preventDefault(); input.value = s; input.focus(); run(s); });
      span.className = "search-suggest";
      span.appendChild(document.createTextNode(" " + parts[0]));
      span.appendChild(a);
      span.appendChild(document.createTextNode(parts.slice(1).join("{q}")));
      return span;
    }
    function run(q) {
      var my = ++seq;
      clearTimeout(timer);
      setURL(q.trim());
      if (!q.trim()) { list.textContent = ""; more.hidden = true; status.textContent = ""; return; }
      var slow = setTimeout(function () { if (my === seq) status.textContent = msg("loading"); }, 300);
      engine.search(q).then(function (res) {
        if (my !== seq) return;
        state = { res: res, shown: 0 };
        list.textContent = "";
        more.hidden = true;
        return show(my, false).then(function () {
          if (my !== seq) return;
          var n = res.docs.length;
          status.textContent = n ? msg(plural && plural.select(n) === "one" || (!plural && n === 1) ? "count-one" : "count-other", { n: n.toLocaleString(lang) })
            : msg("none", { q: q.trim() });
          if (res.suggest) status.appendChild(didYouMean(res.suggest));
        });
      }).catch(function () {
        if (my === seq) { list.textContent = ""; more.hidden = true; status.textContent = msg("error"); }
      }).then(function () { clearTimeout(slow); });
    }

    on(input, "input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 200);
    });
    if (input.form) on(input.form, "submit", function (e) { e.preventDefault(); run(input.value); });
    on(more, "click", function () { if (state) show(seq, true); });
    current = {
      root: root, input: input, status: status, list: list,
      stop: function () { seq++; clearTimeout(timer); off.forEach(function (f) { f(); }); more.remove(); }
    };
    var q = input.value || new URLSearchParams(location.search).get("q") || "";
    if (q) { input.value = q; run(q); }
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { stemmer: stemmer, tokens: tokens, parse: parse, osa: osa, Engine: Engine, excerpt: excerpt };
  } else if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
    document.addEventListener("handbook:content", init);
  }
})();
