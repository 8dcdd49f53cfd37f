// The article page: the full text in paragraphs with every quote marked; arriving with
// #q={offset} (or ?quote=) scrolls to that quote and highlights it.
import { articlePath, el, evidenceText, fetchJson, lastSearch, metaLine, safeWebUrl } from '/common.js';

const $ = (id) => document.getElementById(id);
const firstPart = new Map();
let quotes = [];

function articleId() {
  const raw = location.pathname.replace(/^\/articles\//, '');
  try {
    return decodeURIComponent(raw);
  } catch (e) {
    return raw;
  }
}

// Quotes and the words naming their speakers, as non-overlapping spans in text order.
function spansOf(text, list) {
  const spans = [];
  for (const q of list) {
    if (Number.isInteger(q.offset) && Number.isInteger(q.length) && q.offset + q.length <= text.length) {
      spans.push({ start: q.offset, end: q.offset + q.length, kind: 'quote', quote: q });
    }
    const m = q.mention;
    if (m && typeof m.text === 'string' && Number.isInteger(m.offset) && m.offset + m.text.length <= text.length) {
      spans.push({ start: m.offset, end: m.offset + m.text.length, kind: 'mention', quote: q });
    }
  }
  spans.sort((a, b) => a.start - b.start || (a.kind === 'quote' ? -1 : 1));
  const kept = [];
  for (const s of spans) {
    if (!kept.length || s.start >= kept[kept.length - 1].end) kept.push(s);
  }
  return kept;
}

function spanNode(span, textNode) {
  const q = span.quote;
  if (span.kind === 'mention') {
    const node = el('span', 'mention');
    node.append(textNode);
    node.title = 'Names the speaker: ' + (q.speaker || 'unknown');
    return node;
  }
  const node = el('mark', 'quote');
  node.append(textNode);
  node.dataset.offset = String(q.offset);
  node.title = (q.speaker ? q.speaker : 'Unattributed') + (q.cue ? ' (' + q.cue + ')' : '');
  if (!firstPart.has(q.offset)) {
    node.id = 'q-' + q.offset;
    node.tabIndex = -1;
    firstPart.set(q.offset, node);
  }
  return node;
}

// Every text node of the body with where it starts in the article text, so offsets from the
// API can be turned back into DOM ranges.
const pieces = [];

function piece(text, from, to) {
  const node = document.createTextNode(text.slice(from, to));
  pieces.push({ node, start: from });
  return node;
}

function rangeOf(from, to) {
  const first = pieces.find((p) => from >= p.start && from < p.start + p.node.length);
  const last = pieces.findLast((p) => to > p.start && to <= p.start + p.node.length);
  if (!first || !last || to <= from) return null;
  const range = document.createRange();
  range.setStart(first.node, from - first.start);
  range.setEnd(last.node, to - last.start);
  return range;
}

// #at={start}-{end}: a passage from an article hit, shown with the CSS highlight API so the
// quote marks around it stay as they are.
function showPassage() {
  const at = /^#at=(\d+)-(\d+)$/.exec(location.hash);
  if (!at) return false;
  const range = rangeOf(Number(at[1]), Number(at[2]));
  if (!range) return false;
  if (window.CSS && CSS.highlights && typeof Highlight === 'function') CSS.highlights.set('passage', new Highlight(range));
  const box = range.getBoundingClientRect();
  window.scrollBy({ top: box.top - window.innerHeight / 3 });
  return true;
}

// One <p> per non-blank line; spans that cross a line break are marked in each part.
function renderBody(text, list) {
  const spans = spansOf(text, list);
  const body = $('body');
  body.replaceChildren();
  for (const line of text.matchAll(/[^\n]+/g)) {
    if (!line[0].trim()) continue;
    const start = line.index;
    const end = start + line[0].length;
    const p = el('p');
    let at = start;
    for (const s of spans) {
      if (s.end <= start || s.start >= end) continue;
      const from = Math.max(s.start, start);
      const to = Math.min(s.end, end);
      if (from > at) p.append(piece(text, at, from));
      p.append(spanNode(s, piece(text, from, to)));
      at = to;
    }
    if (at < end) p.append(piece(text, at, end));
    body.append(p);
  }
}

function renderQuoteList(list) {
  const ol = $('quotes');
  ol.replaceChildren();
  for (const q of list) {
    const li = el('li');
    const a = el('a', 'quote-link', '“' + q.text + '”');
    a.href = '#q=' + q.offset;
    const who = el('p', 'evidence-body');
    who.append(evidenceText(q));
    li.append(a, who);
    ol.append(li);
  }
  $('no-quotes').hidden = list.length > 0;
}

function renderMeta(article) {
  const extras = [];
  if (article.author) extras.push(el('span', 'author', 'by ' + article.author));
  const url = safeWebUrl(article.url);
  if (url) {
    const a = el('a', 'original', 'original article');
    a.href = url;
    a.rel = 'noopener noreferrer';
    extras.push(a);
  }
  $('meta').replaceWith(metaLine(article, extras));
}

// The quote to show: #q={offset}, or ?quote= holding an offset, a quote document id
// ("articleId#offset") or a shared quote id resolved through /api/quotes.
async function targetOffset(id) {
  const hash = /^#q=(\d+)$/.exec(location.hash);
  if (hash) return Number(hash[1]);
  const param = new URLSearchParams(location.search).get('quote');
  if (!param) return null;
  const number = /(?:^|#)(\d+)$/.exec(param);
  if (number) return Number(number[1]);
  try {
    const quote = await fetchJson('/api/quotes/' + encodeURIComponent(param));
    const here = (quote.sources || []).find((s) => s.articleId === id);
    return here && Number.isInteger(here.offset) ? here.offset : null;
  } catch (e) {
    return null;
  }
}

async function showTarget(id) {
  if (showPassage()) return;
  const offset = await targetOffset(id);
  for (const node of document.querySelectorAll('.quote.current')) node.classList.remove('current');
  if (offset === null) return;
  const quote = quotes.find((q) => offset >= q.offset && offset < q.offset + q.length);
  const node = quote && firstPart.get(quote.offset);
  if (!node) {
    $('status').textContent = 'The quote you followed is no longer in this article.';
    return;
  }
  for (const part of document.querySelectorAll('.quote[data-offset="' + quote.offset + '"]')) part.classList.add('current');
  node.scrollIntoView({ block: 'center' });
  node.focus({ preventScroll: true });
}

// The server sends no Referer (Referrer-Policy: no-referrer), so the search page leaves its
// address in sessionStorage for this link instead.
function wireBackLink() {
  const last = lastSearch();
  if (!last) return;
  const back = $('back');
  back.href = last;
  back.textContent = '← Back to results';
  // When the entry before this one is that very search, going back keeps its scroll position.
  const from = window.navigation && navigation.activation && navigation.activation.from;
  if (from && from.url && new URL(from.url).pathname + new URL(from.url).search === last) {
    back.addEventListener('click', (e) => {
      e.preventDefault();
      history.back();
    });
  }
}

async function load() {
  wireBackLink();
  const id = articleId();
  try {
    const article = await fetchJson('/api' + articlePath(id));
    document.title = (article.title || 'Untitled') + ' — Verbatim';
    $('title').textContent = article.title || 'Untitled';
    renderMeta(article);
    quotes = Array.isArray(article.quotes) ? article.quotes : [];
    renderBody(article.text || '', quotes);
    renderQuoteList(quotes);
    $('status').textContent = '';
    $('article').hidden = false;
    await showTarget(id);
    window.addEventListener('hashchange', () => showTarget(id));
  } catch (e) {
    $('status').textContent = '';
    $('error-heading').textContent = e.status === 404 ? 'Article not found' : 'The article could not be shown';
    $('error-heading').hidden = false;
    $('error').hidden = false;
    $('error').textContent = e.status === 404 ? 'There is no article “' + id + '” in the index.' : e.message || 'The server did not answer.';
  }
}

load();
