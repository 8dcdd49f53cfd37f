// The quote page: every printing of one quotation, earliest first, with the words each printing
// changed from the one before it marked, and a citation and permalink.
import { articleHref, articlePath, citation, citeActions, el, evidenceText, fetchJson, formatDate, lastSearch, metaLine, quoteHref, safeWebUrl, speakerLink } from '/common.js';

const $ = (id) => document.getElementById(id);
// Printings shown, and articles fetched at once for them: the server sheds load past a few
// concurrent requests per core, and a quote reprinted 200 times must not look like a flood.
const MAX_PRINTINGS = 200;
const FETCHES_AT_ONCE = 4;

function quoteId() {
  const raw = location.pathname.replace(/^\/quotes\//, '');
  try {
    return decodeURIComponent(raw);
  } catch (e) {
    return raw;
  }
}

// Words with the spaces and punctuation around them kept, so the text reads as printed.
function tokens(text) {
  return String(text).match(/\S+\s*/g) || [];
}

// Two printings compare by their words, whatever the case and the punctuation around them.
function key(token) {
  return token.trim().toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

// A word-level diff (longest common subsequence) of before -> after, as a list of
// {kind: 'same'|'added'|'dropped', text}; where words were replaced, the dropped ones come first,
// as an editor's marks read: "the ~~full~~ whole timetable".
export function wordDiff(before, after) {
  const a = tokens(before);
  const b = tokens(after);
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = key(a[i]) === key(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && key(a[i]) === key(b[j])) {
      out.push({ kind: 'same', text: b[j] });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push({ kind: 'dropped', text: a[i++] });
    } else {
      out.push({ kind: 'added', text: b[j++] });
    }
  }
  return out;
}

// Neighbouring words of one kind become one run, so "the old ferry" dropped is one mark.
function runs(parts) {
  const out = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

const MARKS = { added: ['ins', 'added: '], dropped: ['del', 'dropped: '] };

// The printing with its changes marked by <del>/<ins>, which strike through and underline (not
// colour alone), each opening with a word a screen reader says, since most do not announce
// <del> and <ins> themselves.
function diffNode(before, after) {
  const q = el('q', 'printed');
  for (const part of runs(wordDiff(before, after))) {
    if (part.kind === 'same') {
      q.append(part.text);
      continue;
    }
    const [tag, label] = MARKS[part.kind];
    const words = part.text.trimEnd();
    const mark = el(tag);
    mark.append(el('span', 'visually-hidden', label), words);
    q.append(mark, part.text.slice(words.length));
  }
  return q;
}

// fetchJson(url) for each of urls, FETCHES_AT_ONCE at a time; null for a failed one.
async function fetchAll(urls) {
  const out = new Array(urls.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      out[i] = await fetchJson(urls[i]).catch(() => null);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FETCHES_AT_ONCE, urls.length) }, worker));
  return out;
}

async function load() {
  const back = lastSearch();
  if (back) {
    $('back').href = back;
    $('back').textContent = '← Back to results';
  }
  const id = quoteId();
  try {
    const quote = await fetchJson('/api/quotes/' + encodeURIComponent(id));
    const all = quote.sources || [];
    const sources = all.slice(0, MAX_PRINTINGS);
    // Each printing's own words, how it was attributed and its article's address come from the
    // article.
    const articles = await fetchAll(sources.map((s) => '/api' + articlePath(s.articleId)));
    const printed = sources.map((s, i) => {
      const a = articles[i];
      const span = a && (a.quotes || []).find((q) => q.offset === s.offset);
      return { source: s, article: a, span, text: (span && span.text) || s.text || quote.text };
    });
    document.title = '“' + quote.text + '” — Verbatim';
    $('text').textContent = '“' + quote.text + '”';
    const by = $('by');
    by.replaceChildren('— ', quote.speaker ? speakerLink(quote.speaker) : el('span', 'speaker unknown', 'Unattributed'));
    const outlets = new Set(all.map((s) => s.source).filter(Boolean));
    const first = sources[0];
    $('summary').textContent = 'Printed ' + (all.length === 1 ? 'once' : all.length + ' times')
      + (outlets.size ? ' in ' + outlets.size + (outlets.size === 1 ? ' outlet' : ' outlets') : '')
      + (first && first.date ? ', first on ' + formatDate(first.date) : '') + '.'
      + (all.length > sources.length ? ' The first ' + sources.length + ' are shown.' : '');
    const earliest = printed[0];
    $('actions').replaceChildren(citeActions(() => citation({
      quote: earliest.text, speaker: earliest.source.speaker || quote.speaker, title: earliest.source.title,
      source: earliest.source.source, date: earliest.source.date, url: earliest.article && safeWebUrl(earliest.article.url),
    }), new URL(quoteHref(quote.quoteId || id), location.href).href));
    const list = $('printings');
    list.replaceChildren();
    let changed = false;
    printed.forEach((p, i) => {
      const li = el('li', 'printing');
      const s = p.source;
      const title = el('a', 'open', s.title || s.articleId);
      title.href = articleHref(s.articleId, s.offset);
      const meta = metaLine(s);
      meta.prepend(title, meta.childNodes.length ? ' · ' : '');
      const previous = i > 0 ? printed[i - 1].text : null;
      const text = previous !== null && previous !== p.text ? diffNode(previous, p.text) : el('q', 'printed', p.text);
      if (text.querySelector('ins, del')) changed = true;
      const who = el('p', 'evidence-body');
      who.append(evidenceText(p.span || { speaker: s.speaker, cue: s.cue }));
      li.append(meta, text, who);
      list.append(li);
    });
    $('legend').hidden = !changed;
    $('status').textContent = '';
    $('quote').hidden = false;
  } catch (e) {
    $('status').textContent = '';
    $('error-heading').textContent = e.status === 404 ? 'Quote not found' : 'The quote could not be shown';
    $('error-heading').hidden = false;
    $('error').hidden = false;
    $('error').textContent = e.status === 404 ? 'There is no quote “' + id + '” in the index.' : e.message || 'The server did not answer.';
  }
}

load();
