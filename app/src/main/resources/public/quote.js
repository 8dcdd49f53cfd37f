// The quote page: every printing of one quotation, earliest first, with the words each printing
// changed from the one before it marked, and a citation and permalink.
import { articleHref, citation, citeActions, el, evidenceText, fetchJson, formatDate, lastSearch, metaLine, quoteHref, safeWebUrl, speakerLink } from '/common.js';

const $ = (id) => document.getElementById(id);

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
// {kind: 'same'|'added'|'dropped', text}.
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
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push({ kind: 'added', text: b[j++] });
    } else {
      out.push({ kind: 'dropped', text: a[i++] });
    }
  }
  return out;
}

function diffNode(before, after) {
  const q = el('q', 'printed');
  for (const part of wordDiff(before, after)) {
    if (part.kind === 'same') q.append(part.text);
    else q.append(el(part.kind === 'added' ? 'ins' : 'del', null, part.text.trimEnd()), part.text.slice(part.text.trimEnd().length));
  }
  return q;
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
    const sources = (quote.sources || []).slice(0, 200);
    // Each printing's own words and its article's address come from the article.
    const articles = await Promise.all(sources.map((s) => fetchJson('/api/articles/' + s.articleId.split('/').map(encodeURIComponent).join('/')).catch(() => null)));
    const printed = sources.map((s, i) => {
      const a = articles[i];
      const span = a && (a.quotes || []).find((q) => q.offset === s.offset);
      return { source: s, article: a, span, text: (span && span.text) || s.text || quote.text };
    });
    document.title = '“' + quote.text + '” — Verbatim';
    $('text').textContent = '“' + quote.text + '”';
    const by = $('by');
    by.replaceChildren('— ', quote.speaker ? speakerLink(quote.speaker) : el('span', 'speaker unknown', 'Unattributed'));
    const outlets = new Set(sources.map((s) => s.source).filter(Boolean));
    const first = sources[0];
    $('summary').textContent = 'Printed ' + (sources.length === 1 ? 'once' : sources.length + ' times')
      + (outlets.size ? ' in ' + outlets.size + (outlets.size === 1 ? ' outlet' : ' outlets') : '')
      + (first && first.date ? ', first on ' + formatDate(first.date) : '') + '.';
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
    $('error').hidden = false;
    $('error').textContent = e.status === 404 ? 'There is no quote “' + id + '” in the index.' : e.message || 'The server did not answer.';
  }
}

load();
