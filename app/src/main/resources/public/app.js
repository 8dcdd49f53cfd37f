// The search page: search as you type, filters and view in the URL, quote and article cards.
import { articleHref, articlePath, citation, citeActions, el, evidenceText, fetchJson, formatDate, metaLine, quoteHref, quoteOffset, rememberSearch, setMarked, speakerLink } from '/common.js';

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 150;
const FILTERS = ['speaker', 'source', 'date'];
const LABELS = { speaker: 'Speaker', source: 'Source', date: 'Date' };
const NOUNS = { quote: ['quote', 'quotes'], article: ['article', 'articles'] };
// The most rows an export holds (Export.MAX_ROWS on the server).
const EXPORT_LIMIT = 1000;
// The most values a facet lists (README, "Facets"): a full list may have been cut.
const FACET_TOP = 20;
const NUMBER = new Intl.NumberFormat('en');

// /speakers/{name} is this page narrowed to one speaker, newest first.
const speakerPath = /^\/speakers\/(.+)$/.exec(location.pathname);
const fixedSpeaker = speakerPath ? decodePart(speakerPath[1]) : '';
const DEFAULT_SORT = fixedSpeaker ? 'date' : 'relevance';

function decodePart(raw) {
  try {
    return decodeURIComponent(raw);
  } catch (e) {
    return raw;
  }
}

const $ = (id) => document.getElementById(id);
const ui = {
  overview: $('overview'), speakerSummary: $('speaker-summary'), exportCsv: $('export-csv'),
  exportJsonl: $('export-jsonl'), exportBox: $('export'), exportNote: $('export-note'),
  toolbar: $('toolbar'),
  form: $('search-form'), input: $('q'), filters: $('filters'), filtersPanel: $('filters-panel'),
  facets: $('facets'), chips: $('chips'), notice: $('notice'), status: $('status'), error: $('error'),
  empty: $('empty'), emptyText: $('empty-text'), didYouMean: $('did-you-mean'),
  suggestion: $('suggestion'), results: $('results'), more: $('more'), sort: $('sort'),
  views: [$('view-quote'), $('view-article')],
};

let state = readUrl();
// Every search takes a ticket; an answer whose ticket is no longer the newest is dropped, so a
// slow answer can never overwrite a newer one.
let ticket = 0;
let inFlight = null;
let timer = null;
let paging = null;
const articleCache = new Map();

function readUrl() {
  const p = new URLSearchParams(location.search);
  const s = {
    q: p.get('q') || '',
    // A speaker's page lists what they said: articles carry no speaker to narrow them by.
    type: p.get('type') === 'article' && !fixedSpeaker ? 'article' : 'quote',
    sort: p.get('sort') === 'date' || p.get('sort') === 'relevance' ? p.get('sort') : DEFAULT_SORT,
  };
  for (const f of FILTERS) s[f] = p.get(f) || '';
  if (fixedSpeaker) s.speaker = fixedSpeaker;
  return s;
}

function urlFor(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.type !== 'quote') p.set('type', s.type);
  if (s.sort !== DEFAULT_SORT) p.set('sort', s.sort);
  for (const f of FILTERS) if (s[f] && !(f === 'speaker' && fixedSpeaker)) p.set(f, s[f]);
  const query = p.toString();
  return location.pathname + (query ? '?' + query : '');
}

// Typing replaces the current history entry; deliberate steps (Enter, a filter, the view) add
// one, so Back walks through what the user chose rather than every keystroke.
function saveUrl(push) {
  const url = urlFor(state);
  if (url !== location.pathname + location.search) {
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
  const what = fixedSpeaker ? fixedSpeaker + ' — quotes' : 'search quotes';
  document.title = state.q ? state.q + ' — ' + (fixedSpeaker || 'Verbatim') : fixedSpeaker ? what + ' — Verbatim' : 'Verbatim — ' + what;
  rememberSearch(url);
}

// The start page: no query and no filter, on the search page itself.
function isStart() {
  return !fixedSpeaker && !state.q && !FILTERS.some((f) => state[f]);
}

// The current search (query, view, filters, sort) as a download.
function updateExportLinks() {
  for (const [link, format] of [[ui.exportCsv, 'csv'], [ui.exportJsonl, 'jsonl']]) {
    const p = apiParams({ format });
    p.delete('limit');
    link.href = '/api/search?' + p;
  }
}

function apiParams(extra) {
  const p = new URLSearchParams({ q: state.q, type: state.type, limit: String(PAGE_SIZE) });
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  for (const f of FILTERS) if (state[f]) p.set(f, state[f]);
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  return p;
}

async function search() {
  clearTimeout(timer);
  const mine = ++ticket;
  if (inFlight) inFlight.abort();
  inFlight = new AbortController();
  ui.results.setAttribute('aria-busy', 'true');
  updateExportLinks();
  try {
    // Only a new query's first page shows facets (and an exact total); "Load more" keeps them.
    const data = await fetchJson('/api/search?' + apiParams({ facets: 'true' }), { signal: inFlight.signal });
    if (mine === ticket) showResults(data);
  } catch (e) {
    if (mine === ticket && e.name !== 'AbortError') showError(e);
  } finally {
    if (mine === ticket) ui.results.removeAttribute('aria-busy');
  }
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(search, DEBOUNCE_MS);
}

async function loadMore() {
  const mine = ticket;
  const extra = paging.nextCursor ? { cursor: paging.nextCursor } : { offset: String(paging.shown) };
  ui.more.disabled = true;
  try {
    const data = await fetchJson('/api/search?' + apiParams(extra));
    if (mine !== ticket) return;
    const first = ui.results.children.length;
    appendHits(data.hits || []);
    // Without facets the total is a bound; the first page's count stands for the same query.
    updatePaging({ ...data, total: paging.total, totalExact: paging.totalExact });
    const next = ui.results.children[first];
    if (next) focusCard(next);
  } catch (e) {
    if (mine === ticket) showError(e);
  } finally {
    ui.more.disabled = false;
  }
}

function showResults(data) {
  ui.error.hidden = true;
  ui.results.replaceChildren();
  const start = isStart();
  ui.overview.hidden = !start;
  // The start page lists no results: nothing to switch between, sort or export. Its overview and
  // the speaker page's summary have their own heading; a page of results gets one for itself.
  ui.toolbar.hidden = start;
  $('results-heading').hidden = start || Boolean(fixedSpeaker);
  ui.exportBox.hidden = start || data.total === 0;
  ui.exportNote.textContent = exportNote(data);
  if (start) {
    showOverview();
    ui.more.hidden = true;
    ui.status.textContent = '';
  } else {
    appendHits(data.hits || []);
    updatePaging(data);
  }
  // A search that timed out with nothing found says so in the empty-result text below.
  ui.notice.hidden = !data.notice || (data.timedOut && data.total === 0);
  ui.notice.textContent = data.notice || '';
  const none = data.total === 0;
  ui.empty.hidden = !none;
  if (none) {
    // Stopped by the time limit before anything was found: that is not "nothing matches".
    ui.emptyText.textContent = data.timedOut
      ? 'The search ran out of time before it found anything. This does not mean nothing matches: try again.'
      : state.q
        ? 'No ' + NOUNS[state.type][1] + ' match “' + state.q + '”' + (FILTERS.some((f) => state[f]) ? ' with these filters.' : '.')
        : 'Nothing to show with these filters.';
    ui.didYouMean.hidden = !data.suggestion;
    ui.suggestion.textContent = data.suggestion || '';
  }
  renderFacets(data.facets);
  renderViewCounts(data);
}

// Says what the download holds: every result, or the first EXPORT_LIMIT of how many.
function exportNote(data) {
  const [one, many] = NOUNS[state.type];
  if (data.totalExact === false) return '(up to ' + NUMBER.format(EXPORT_LIMIT) + ' ' + many + ')';
  if (data.total > EXPORT_LIMIT) {
    return '(the first ' + NUMBER.format(EXPORT_LIMIT) + ' of ' + NUMBER.format(data.total) + ' ' + many
      + ': the most an export holds; narrow the search for the rest)';
  }
  return data.total === 1 ? '(1 ' + one + ')' : '(all ' + NUMBER.format(data.total) + ' ' + many + ')';
}

// "1 article", "7 quotes".
function count(n, one, many) {
  return NUMBER.format(n) + ' ' + (n === 1 ? one : many);
}

function updatePaging(data) {
  const shown = ui.results.children.length;
  paging = { shown, nextCursor: data.nextCursor || null, total: data.total, totalExact: data.totalExact };
  // Without a cursor in the answer, page by offset while the total says there is more.
  const more = 'nextCursor' in data ? Boolean(data.nextCursor) : shown < data.total;
  ui.more.hidden = !more || shown === 0;
  const [one, many] = NOUNS[state.type];
  const total = (data.totalExact === false ? 'more than ' : '') + data.total;
  let text = data.total === 1 ? '1 ' + one : total + ' ' + many;
  if (more) text = 'Showing ' + shown + ' of ' + text;
  text = text.charAt(0).toUpperCase() + text.slice(1);
  if (typeof data.tookMs === 'number') text += ' · ' + data.tookMs + ' ms';
  ui.status.textContent = data.total === 0 ? '' : text;
}

function showError(e) {
  ui.results.replaceChildren();
  ui.more.hidden = true;
  ui.empty.hidden = true;
  ui.notice.hidden = true;
  ui.status.textContent = '';
  ui.error.hidden = false;
  if (e.status === 400) ui.error.replaceChildren(el('strong', null, 'This query cannot be searched: '), e.message);
  else ui.error.textContent = e.status ? e.message : 'The server did not answer; is it still running?';
}

function appendHits(hits) {
  for (const hit of hits) ui.results.append(hit.type === 'article' ? articleCard(hit) : quoteCard(hit));
}

function firstPassageHtml(hit) {
  return Array.isArray(hit.passages) && hit.passages.length && hit.passages[0].html ? hit.passages[0].html : null;
}

function quoteCard(hit) {
  const li = el('li', 'hit hit-quote');
  const offset = quoteOffset(hit);
  li.append(setMarked(el('blockquote', 'quote-text'), firstPassageHtml(hit), hit.text));
  const by = el('div', 'by');
  const speaker = hit.speaker ? speakerLink(hit.speaker, hit.speakerHtml) : el('span', 'speaker unknown', 'Unattributed');
  by.append('— ', speaker);
  if (hit.speaker || hit.cue) by.append(' ', evidence(hit, offset));
  li.append(by, articleLine(hit, articleHref(hit.articleId, offset)));
  if (Array.isArray(hit.sources) && hit.sources.length > 1) li.append(sourcesList(hit));
  const permalink = hit.quoteId ? quoteHref(hit.quoteId) : articleHref(hit.articleId, offset);
  li.append(citeActions(async () => {
    let url = null;
    try {
      url = (await articleOf(hit.articleId)).url || null;
    } catch (e) {
      url = null; // cited without the address
    }
    return citation({ quote: hit.text, speaker: hit.speaker, title: hit.title, source: hit.source, date: hit.date, url });
  }, new URL(permalink, location.href).href));
  return li;
}

function articleCard(hit) {
  const li = el('li', 'hit hit-article');
  const target = hit.articleId || hit.id;
  const heading = el('h2', 'hit-title');
  heading.append(setMarked(openLink(articleHref(target)), hit.titleHtml, hit.title || 'Untitled'));
  li.append(heading, metaLine(hit));
  // Each passage opens the article at that very place.
  for (const passage of Array.isArray(hit.passages) ? hit.passages : []) {
    const p = el('p', 'passage');
    const link = el('a', 'passage-link');
    link.href = articlePath(target) + (Number.isInteger(passage.start) && Number.isInteger(passage.end) ? '#at=' + passage.start + '-' + passage.end : '');
    p.append(setMarked(link, passage.html, ''));
    li.append(p);
  }
  return li;
}

function openLink(href) {
  const a = el('a', 'open');
  a.href = href;
  return a;
}

function articleLine(hit, href) {
  const line = metaLine(hit);
  line.prepend(setMarked(openLink(href), hit.titleHtml, hit.title || 'Untitled'), line.childNodes.length ? ' · ' : '');
  return line;
}


// Why we think this speaker said it: the cue verb and, once opened, the words in the article
// that name the speaker ("she → Kim Kardashian"), read from the article itself.
function evidence(hit, offset) {
  const details = el('details', 'evidence');
  const summary = el('summary', null, hit.cue ? hit.cue : 'attribution');
  summary.title = 'How this quote was attributed';
  const body = el('span', 'evidence-body', hit.cue ? 'cue “' + hit.cue + '”' : 'no cue recorded');
  if (hit.rule) body.replaceChildren(evidenceText(hit)); // the search hit carries the chain
  details.append(summary, body);
  details.addEventListener('toggle', async () => {
    if (hit.rule) return;
    if (!details.open || details.dataset.loaded || offset === null) return;
    details.dataset.loaded = 'yes';
    try {
      const article = await articleOf(hit.articleId);
      const quote = (article.quotes || []).find((q) => q.offset === offset);
      if (quote) body.replaceChildren(evidenceText(quote));
    } catch (e) {
      // The cue alone is still worth showing; the article may have been reindexed away.
    }
  }, { once: false });
  return details;
}

function articleOf(articleId) {
  if (!articleCache.has(articleId)) {
    articleCache.set(articleId, fetchJson('/api' + articlePath(articleId)).catch((e) => {
      articleCache.delete(articleId);
      throw e;
    }));
  }
  return articleCache.get(articleId);
}

// Every article carrying the same quote; links go straight to the quote once its offsets are known.
function sourcesList(hit) {
  const details = el('details', 'sources');
  details.append(el('summary', null, hit.sources.length + ' sources'));
  const list = el('ul');
  const links = new Map();
  for (const s of hit.sources) {
    const li = el('li');
    const a = el('a', null, s.title || s.articleId);
    const offset = Number.isInteger(s.offset) ? s.offset : s.articleId === hit.articleId ? quoteOffset(hit) : null;
    a.href = articleHref(s.articleId, offset);
    links.set(s.articleId, a);
    li.append(a);
    const m = metaLine(s);
    if (s.speaker) m.append(m.childNodes.length ? ' · ' : '', speakerLink(s.speaker));
    li.append(m);
    // A source printing the quote with a small difference shows its own words.
    if (s.text && s.text !== hit.text) li.append(el('q', 'variant', s.text));
    list.append(li);
  }
  details.append(list);
  details.addEventListener('toggle', async () => {
    const known = hit.sources.every((s) => Number.isInteger(s.offset));
    if (!details.open || details.dataset.loaded || !hit.quoteId || known) return;
    details.dataset.loaded = 'yes';
    try {
      const quote = await fetchJson('/api/quotes/' + encodeURIComponent(hit.quoteId));
      for (const s of quote.sources || []) {
        const a = links.get(s.articleId);
        if (a && Number.isInteger(s.offset)) a.href = articleHref(s.articleId, s.offset);
      }
    } catch (e) {
      // Links to the articles' tops still work.
    }
  });
  return details;
}

let overview = null;

// What is here: counts, sources, dates, the most quoted speakers and searches that find
// something, all from /api/overview (computed from the index itself).
async function showOverview() {
  if (!overview) {
    try {
      overview = await fetchJson('/api/overview');
    } catch (e) {
      return;
    }
  }
  const o = overview;
  const facts = $('overview-facts');
  const dates = o.dates ? formatDate(o.dates.from) + (o.dates.to !== o.dates.from ? ' to ' + formatDate(o.dates.to) : '') : null;
  // A quote printed by several articles is one quote, as a search counts it.
  const distinct = typeof o.distinctQuotes === 'number' ? o.distinctQuotes : o.quotes;
  facts.textContent = count(o.articles, 'article', 'articles') + ' and ' + count(distinct, 'quote', 'quotes')
    + (distinct !== o.quotes ? ' (' + count(o.quotes, 'printing', 'printings') + ')' : '')
    + (o.sourceCount ? ' from ' + (o.sourceCountExact === false ? o.sourceCount + ' or more sources' : count(o.sourceCount, 'source', 'sources')) : '')
    + (dates ? ', ' + dates : '') + '.';
  const list = (id, items, make) => {
    const ul = $(id);
    ul.replaceChildren(...items.map((item) => { const li = el('li'); li.append(...make(item)); return li; }));
    ul.closest('section').hidden = items.length === 0;
  };
  list('overview-examples', o.examples || [], (x) => {
    const a = el('a', 'example', x.q);
    const p = new URLSearchParams({ q: x.q });
    if (x.type === 'article') p.set('type', 'article');
    a.href = '/?' + p;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      change({ q: x.q, type: x.type === 'article' ? 'article' : 'quote' });
    });
    return [a, el('span', 'example-label', ' — ' + x.label + ' (' + x.total + ')')];
  });
  list('overview-speakers', o.speakers || [], (v) => [speakerLink(v.value),
    el('span', 'facet-count', ' quoted ' + (v.count === 1 ? 'once' : NUMBER.format(v.count) + ' times'))]);
  list('overview-sources', o.sources || [], (v) => {
    const b = el('button', 'link-button', v.value);
    b.type = 'button';
    b.addEventListener('click', () => setFilter('source', v.value));
    return [b, el('span', 'facet-count', ' ' + count(v.count, 'article', 'articles'))];
  });
}

// The speaker page's heading: how many quotes, in which outlets, over which dates.
async function showSpeakerSummary() {
  ui.speakerSummary.hidden = false;
  $('speaker-name').textContent = fixedSpeaker;
  try {
    const p = new URLSearchParams({ type: 'quote', speaker: fixedSpeaker, facets: 'true', limit: '1' });
    const data = await fetchJson('/api/search?' + p);
    const sources = (data.facets && data.facets.source) || [];
    const months = [];
    for (const y of (data.facets && data.facets.date) || []) {
      for (const m of y.children || []) months.push(/-/.test(m.value) ? m.value : y.value + '-' + String(m.value).padStart(2, '0'));
      if (!(y.children || []).length) months.push(String(y.value));
    }
    months.sort();
    const span = months.length ? ' between ' + formatDate(months[0]) + ' and ' + formatDate(months[months.length - 1]) : '';
    // The facets count printings (a quote carried by three articles three times), the total
    // distinct quotes; say both when they differ, so the outlet counts below add up.
    const quoteDocs = ((data.facets && data.facets.type) || []).find((t) => t.value === 'quote');
    const printings = quoteDocs ? quoteDocs.count : data.total;
    $('speaker-facts').textContent = data.total === 0
      ? 'No quotes by ' + fixedSpeaker + ' in this index.'
      : count(data.total, 'quote', 'quotes')
        + (printings > data.total ? ', printed ' + NUMBER.format(printings) + ' times,' : '')
        + ' in ' + (sources.length >= FACET_TOP ? sources.length + ' or more outlets' : count(sources.length, 'outlet', 'outlets'))
        + (months.length > 1 ? span : months.length ? ', ' + formatDate(months[0]) : '') + '.';
    const ul = $('speaker-outlets');
    ul.replaceChildren(...sources.map((s) => {
      const li = el('li');
      li.append(el('span', 'source', s.value), el('span', 'facet-count', ' ' + s.count));
      return li;
    }));
  } catch (e) {
    $('speaker-facts').textContent = '';
  }
}

function renderFacets(facets) {
  ui.facets.replaceChildren();
  for (const f of FILTERS) {
    if (f === 'speaker' && fixedSpeaker) continue;
    const values = facets && Array.isArray(facets[f]) ? facets[f] : [];
    if (!values.length) continue;
    const section = el('section', 'facet');
    const heading = el('h3', null, LABELS[f]);
    heading.id = 'facet-' + f;
    const list = el('ul');
    list.setAttribute('aria-labelledby', heading.id);
    for (const v of values) list.append(facetItem(f, v, null));
    section.append(heading, list);
    ui.facets.append(section);
  }
  ui.filters.hidden = ui.facets.children.length === 0;
}

// The shown view counts what the status line counts (distinct quotes); the other view can only
// show the facet's document count.
function renderViewCounts(data) {
  const types = data.facets && Array.isArray(data.facets.type) ? data.facets.type : [];
  for (const button of ui.views) {
    const facet = types.find((t) => t.value === button.dataset.type);
    const count = button.dataset.type === state.type && types.length
      ? data.total + (data.totalExact === false ? '+' : '')
      : facet ? facet.count : '';
    button.querySelector('.count').textContent = String(count);
  }
}

function facetItem(field, v, parent) {
  // Month values may come as "2018-06" or as "06" under their year.
  const value = parent && /^\d{1,2}$/.test(v.value) ? parent + '-' + v.value.padStart(2, '0') : String(v.value);
  const active = state[field] === value;
  const li = el('li');
  const button = el('button', 'facet-value');
  button.type = 'button';
  button.setAttribute('aria-pressed', String(active));
  button.dataset.field = field;
  button.dataset.value = value;
  button.append(el('span', 'facet-label', field === 'date' ? formatDate(value) : value), el('span', 'facet-count', v.count));
  button.addEventListener('click', () => setFilter(field, active ? '' : value));
  li.append(button);
  if (Array.isArray(v.children) && v.children.length) {
    const children = el('ul', 'facet-children');
    for (const c of v.children) children.append(facetItem(field, c, value));
    li.append(children);
  }
  return li;
}

function renderChips() {
  ui.chips.replaceChildren();
  for (const f of FILTERS) {
    if (!state[f] || (f === 'speaker' && fixedSpeaker)) continue;
    const button = el('button', 'chip');
    button.type = 'button';
    button.dataset.field = f;
    button.setAttribute('aria-label', 'Remove filter ' + LABELS[f] + ': ' + state[f]);
    button.append(el('span', 'chip-field', LABELS[f] + ':'), ' ',
      el('span', 'chip-value', f === 'date' ? formatDate(state[f]) : state[f]), el('span', 'chip-x', '×'));
    button.addEventListener('click', () => setFilter(f, ''));
    const li = el('li');
    li.append(button);
    ui.chips.append(li);
  }
  ui.chips.hidden = ui.chips.children.length === 0;
}

function syncControls() {
  ui.input.value = state.q;
  ui.sort.value = state.sort;
  for (const button of ui.views) button.setAttribute('aria-pressed', String(button.dataset.type === state.type));
  renderChips();
}

function change(update) {
  Object.assign(state, update);
  saveUrl(true);
  syncControls();
  search();
}

function setFilter(field, value) {
  change({ [field]: value });
}

function cards() {
  return Array.from(ui.results.children);
}

function focusCard(card) {
  const link = card.querySelector('a.open');
  if (link) link.focus();
}

function onResultsKey(e) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const all = cards();
  const current = e.target.closest ? e.target.closest('.hit') : null;
  const i = all.indexOf(current);
  if (i < 0) return;
  e.preventDefault();
  const next = i + (e.key === 'ArrowDown' ? 1 : -1);
  if (next < 0) ui.input.focus();
  else if (next < all.length) focusCard(all[next]);
  else if (!ui.more.hidden) ui.more.focus();
}

function isTypingIn(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
    || target instanceof HTMLSelectElement || (target && target.isContentEditable);
}

ui.input.addEventListener('input', () => {
  state.q = ui.input.value;
  saveUrl(false);
  schedule();
});
ui.input.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown' && ui.results.children.length) {
    e.preventDefault();
    focusCard(ui.results.children[0]);
  }
});
ui.form.addEventListener('submit', (e) => {
  e.preventDefault();
  change({ q: ui.input.value });
});
ui.results.addEventListener('keydown', onResultsKey);
ui.more.addEventListener('click', loadMore);
ui.sort.addEventListener('change', () => change({ sort: ui.sort.value }));
for (const button of ui.views) button.addEventListener('click', () => change({ type: button.dataset.type }));
ui.suggestion.addEventListener('click', () => change({ q: ui.suggestion.textContent }));
document.addEventListener('keydown', (e) => {
  if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingIn(e.target)) {
    e.preventDefault();
    ui.input.focus();
    ui.input.select();
  }
});
window.addEventListener('popstate', () => {
  state = readUrl();
  syncControls();
  search();
});

ui.filtersPanel.open = window.matchMedia('(min-width: 50rem)').matches;
if (fixedSpeaker) {
  ui.views[0].parentElement.hidden = true;
  ui.input.placeholder = 'Search what ' + fixedSpeaker + ' said';
  $('q-label').textContent = 'Search the quotes of ' + fixedSpeaker;
  showSpeakerSummary();
}
syncControls();
saveUrl(false);
search();
