// Package search builds the static, chunked full-text index that the theme's
// search.js queries in the browser, for Finnish, Swedish and English pages.
//
// The builder creates one Index per language, calls Add for every page in
// that language (from any number of goroutines, in any order) and then
// Finish. Every file is a function of the set of pages, so the same site
// gives byte-identical files.
//
// # Updates
//
// The preview server keeps the Index after a build. Add with the URL of a
// page already added replaces it: its file is rewritten at once and its old
// counts are dropped. Remove drops a page. Finish may be called again after
// such changes, and writes the chunks, docs.bin and manifest.json of the
// pages the index has then, under a new build id; the result is the same,
// byte for byte, as a fresh index of those pages gives (the compound
// splitter's dictionary is the vocabulary of the current pages only). Files
// an earlier Finish wrote that the new manifest does not name stay behind:
// chunks beyond the new count and the files of removed pages. The Writer
// must replace a file written again.
//
// # Terms
//
// Text is normalised to NFC and cut into tokens: runs of letters, digits and
// combining marks (Basic Multilingual Plane only), in which a hyphen or
// apostrophe (and in fi/sv a colon) may stand between two such characters.
// Tokens are lower-cased per character; in fi/sv a colon ends the token
// ("EU:n" -> "eu"). A token is indexed under its stem: its Snowball stem,
// conflated where Snowball leaves forms of one word apart (stem.go: the
// Finnish -s words such as yritys/yrityksen/yritysten and
// kumppanuus/kumppanuuden/kumppanuutta, the Swedish definite -et and -an,
// English acronym plurals such as SMEs). Its parts
// are indexed too, at half weight: the parts of a hyphenated word
// ("pk-yritys" -> "pk", "yritys") and the parts of a closed compound
// ("innovaatiokumppanuus" -> "innovaatio", "kumppanuus"; Swedish also with a
// linking s: "barnskyddstjänster" -> "barnskydd", "barn", "skydd",
// "tjänster"). A compound is split where both sides are words of at least
// four letters that occur in the corpus (or a small seed lexicon): the head
// as written or (sv) as a stem or by its stem, the tail compared by stem.
// English is not split. The client stems query words with a port of the
// same stemmers and never splits: compound parts are found because they
// are terms of their own.
//
// Page ids order pages for ties (orderDocs): fewer body words first, then
// the deeper URL, and only then by URL.
//
// # Files
//
// All paths are relative to the index folder whose URL the search page gives
// in data-index. Every file except the manifest is fetched with
// "?v=<build>" appended, so it can be cached for ever.
//
//	manifest.json  {"v":3, "lang":"fi", "build":"<12 hex>", "n":<pages>,
//	               "p":<max prefix chunks>, "seps":["", "aj", ...],
//	               "b":<phrase buckets, a power of two, or 0>}
//	t/<i>.bin      term chunk i (binary, below)
//	w.json         separators of the spelling chunks, as seps (spell.go)
//	w/<i>.bin      spelling chunk i: the pages' words, for typos
//	p/<i>.bin      phrase bucket i: pages by pair of neighbouring words (phrase.go)
//	docs.bin       5 bytes per page id: the page's key
//	f/<key>.json   the page file of the page whose key is the 10 hex
//	               digits <key>: {"u":URL, "t":title, "s":section,
//	               "x":[fragment 0, fragment 1, ...]}
//
// A page's key is the first 5 bytes of SHA-256(URL). Its text is cut into
// fragments of about 2 KB at block boundaries (blocks joined by "\n"
// within a fragment); a posting names a fragment, and a result's excerpt
// is cut from one. The build id is SHA-256 of the chunks, docs.bin and a
// 64-bit fingerprint (two CRC-32s) of each page file.
//
// One file per page is a trade-off. Deploys upload every file, and
// creating a file costs more than writing its bytes, so an earlier layout
// with one file per fragment (five per 8 KB page, 30,000 for a 6,000-page
// site) dominated the build. A page file holds the page's whole text, so a
// result costs the whole page (8 KB on the synthetic handbook, 2 KB
// before): the ten results of a first page of results cost about 80 KB of
// the 150 KB a search may download, and the worst benchmark query now
// downloads 141 KB (77 KB before). Packing several small pages into one
// file would save files only on sites of many small pages, would make a
// result cost its neighbours' bytes too, and would make the update of one
// page rewrite, and the deploy upload, files of others; it is not done.
// A result on a long page costs that page's length, so the bytes of a
// search grow with the length of the pages it finds. Page files are not
// sharded into folders: a folder is a file to create too, and a few
// thousand names in one folder trouble neither file systems nor hosts. On
// the wire the JSON is compressed (gzip: to about 36%).
//
// Terms, sorted by UTF-8 bytes (the same order as JavaScript's UTF-16
// comparison, since terms are BMP-only), are cut into chunks of about 6 KB.
// seps[i] is the shortest prefix of chunk i's first term that sorts after
// the previous chunk's last term (seps[0] is ""): term t is in chunk
// i = the last i with seps[i] <= t.
//
// A chunk is a sequence of unsigned LEB128 varints (uv), bytes (u8) and
// UTF-8 strings:
//
//	chunk   = uv(nTerms) term*nTerms uv(nHints) hint*nHints
//	term    = uv(shared) uv(len) bytes   -- front-coded against the previous term
//	          uv(df) u8(idf) posting*df
//	posting = uv(doc - previous doc) u8(score) uv(fragment*4 + flags)
//	hint    = uv(shared) uv(len) bytes   -- the prefix, front-coded
//	          uv(nTerms) (uv(len) bytes)*nTerms
//
// score (1..255) is the term's weight in the page: title 0.50, headings
// 0.25, body (BM25-saturated) up to 0.20, section 0.05, so a title match
// outranks a heading match, which outranks any amount of body text; an
// occurrence as a compound part counts half. The title's weight shrinks
// with its length, by up to a fifth, so that for "partnership" the page
// "Partnership" comes before "Building partnerships". idf (1..255) is
// BM25's idf times 20. fragment is the first body fragment containing the
// term (0 if only title or headings have it). flags: 1 the page's title
// has the term (whole or as a part), 2 and the page heads a section:
// another page below it has its title as its section (a guide, the
// methods).
//
// # Resolving a query (search.js; mirror_test.go does the same in Go)
//
//  1. Fetch manifest.json. Tokenise the query as above. A quote (" “ ” „)
//     opens a phrase and the next one closes it; an unclosed quote is
//     ignored. A hyphenated word is split into its parts, which form a
//     phrase ("end-user" finds "end user" and "end-users"). At most 6
//     words are used.
//  2. For each word w with stem s, the exact alternative is s, looked up in
//     the chunk that holds it. Completions of a prefix p are added: for the
//     last word, unless it is quoted, p = w (what the reader is typing); for
//     any word whose common prefix with s has six or more letters, p is
//     that common prefix minus its last letter, which catches inflections
//     the stemmer does not conflate.
//  3. Prefix p spans chunks lo..hi: lo is the chunk p would be in, hi the
//     last chunk whose separator starts with p. If hi-lo+1 <= manifest p
//     (one chunk for a word other than the last), fetch them and take every
//     term starting with p. Otherwise, for the last word, fetch chunk lo,
//     whose hint for p names p's (at most 4) most frequent completions, and
//     fetch their chunks; a wide prefix of another word adds nothing. Hints
//     exist for exactly the term prefixes that span more than p chunks, so a
//     search fetches a bounded number of chunks however short the prefix.
//  4. A word of letters with no alternative is looked up in the spelling
//     table (w.json, then the chunks of two short key ranges: see
//     spell.go). Its candidates are the words within an optimal string
//     alignment distance (a swap of neighbours is one edit) of 1 from 4
//     letters and 2 from 7, nearest first, then most used. Those within 1
//     from 5 letters and 2 from 9 (at most three stems) become its typo
//     alternatives; the nearest candidate replaces the word in the "Did
//     you mean" suggestion, which the page shows whenever a word has one.
//  5. For each phrase and each pair of neighbouring words in it, the pages
//     that have the pair are read from its bucket (phrase.go), for the
//     words' exact terms, else their typo terms; a word known only by a
//     prefix is not checked.
//  6. A page's score for a word is the best idf*score*factor over the
//     word's alternatives (factor 4 exact, 3 prefix, 2 typo, 1 typo of two
//     edits); its total is the sum over words. Pages must have every
//     phrase and then every word; if none has, the condition is dropped.
//     Pages are ranked by words matched, then words in their title, then
//     whether the page heads a section and its title has every word, then
//     score, then page id. All integer arithmetic, so the Go mirror ranks
//     identically.
//  7. For each result shown (10 at a time) fetch docs.bin once and the
//     result's page file, and cut the excerpt from the fragment most of its
//     matched words point to (ties: the lower). The excerpt marks words
//     whose stem is a matched term, that start with a searched prefix, or
//     contain a matched term (compound parts).
//
// # Indexing speed
//
// Add runs for every page of a build, so it avoids work per token. Text of
// ASCII and two-byte characters below U+0300, nearly all text here, is in
// NFC already and is not normalised (nfcSimple). A token of at most 16
// ASCII letters and digits is found, lower-cased and keyed eight bytes at a
// time (counter.countText); other tokens go through scanner, which applies
// the rules above rune by rune with table lookups; both are checked against
// a plain reference tokenizer by tests and a fuzz test. A page counts its
// words in a small table of its own and asks the index-wide wordTable for
// their ids once per distinct word; the wordTable is read without locks.
// Stems and compound parts are computed in Finish, once per word. The page
// keeps its sequence of words for the phrase buckets, which Finish
// hashes pair by pair. The page file is written by hand as encoding/json
// would write it.
package search
