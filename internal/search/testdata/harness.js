// Test harness for search.js under node, driven by node_test.go. Reads one
// JSON request on stdin and writes one JSON answer on stdout:
//   {script, lang, words: [...]}            -> {stems: [...]}
//   {script, lang, texts: [...]}            -> {tokens: [[[word, start, end], ...], ...]}
//   {script, lang, dir, queries: [...]}     -> {plans: [{files, n, docs, urls, marked, suggest}, ...]}
//   {script, lang, parses: [...]}           -> {parsed: [{words: [[w, s, e, last, phrase], ...], phrases}, ...]}
//   {script, pairs: [[a, b], ...]}          -> {distances: [osa(a, b, 2), ...]}
// For a query, a fresh Engine searches an index folder on disk through a
// fetch that records which files it reads, then loads the first page of
// results as the page does.
"use strict";
const fs = require("fs");
const path = require("path");

const req = JSON.parse(fs.readFileSync(0, "utf8"));
const search = require(req.script);
const out = {};

if (req.words) {
  const stem = search.stemmer(req.lang);
  out.stems = req.words.map(stem);
}
if (req.parses) {
  out.parsed = req.parses.map((q) => {
    const p = search.parse(q, req.lang);
    return { words: p.words.map((w) => [w.w, w.s, w.e, w.last, w.phrase]), phrases: p.phrases };
  });
}
if (req.pairs) {
  out.distances = req.pairs.map((p) => search.osa(p[0], p[1], 2));
}
if (req.texts) {
  out.tokens = req.texts.map((t) => search.tokens(t.normalize("NFC"), req.lang).map((k) => [k.w, k.s, k.e]));
}

async function plan(q) {
  const base = "/idx/";
  const files = new Set();
  let build = null;
  const fetchFn = (url) => {
    if (!url.startsWith(base)) throw new Error("request outside the index: " + url);
    const [name, query] = url.slice(base.length).split("?");
    if (name !== "manifest.json" && query !== "v=" + build) throw new Error("no cache key on " + url);
    files.add(name);
    let data;
    try {
      data = fs.readFileSync(path.join(req.dir, name));
    } catch (e) {
      return Promise.resolve({ ok: false, status: 404 });
    }
    if (name === "manifest.json") build = JSON.parse(data).build;
    return Promise.resolve({
      ok: true,
      status: 200,
      json: () => Promise.resolve(JSON.parse(data)),
      arrayBuffer: () => Promise.resolve(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)),
    });
  };
  const engine = new search.Engine(base, req.lang, fetchFn);
  const res = await engine.search(q);
  const page = res.docs.slice(0, 10);
  const frags = await Promise.all(page.map(engine.fragment));
  const marked = frags.map((f) =>
    search.excerpt(f.x, req.lang, res.marks).filter((p) => p[1]).map((p) => p[0]));
  return {
    files: [...files].sort(),
    n: res.docs.length,
    docs: res.docs.slice(0, 20).map((d) => [d.id, d.n, d.score, d.frag]),
    urls: frags.map((f) => f.u),
    marked,
    suggest: res.suggest,
  };
}

(async () => {
  if (req.queries) {
    out.plans = [];
    for (const q of req.queries) out.plans.push(await plan(q));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
