// Pieces shared by the search, article and quote pages.
// Corpus text and queries only ever reach the DOM as text nodes; the one exception is the
// server's highlight HTML, which goes through markedHtml() and keeps nothing but <mark>.

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

// The server escapes highlights itself; this is defence in depth should that ever slip. A
// <template> parses without running scripts or loading images, and we rebuild the result from
// text nodes and fresh attribute-less <mark> elements only.
export function markedHtml(html) {
  const template = document.createElement('template');
  template.innerHTML = String(html);
  return onlyMarks(template.content);
}

function onlyMarks(parent) {
  const out = document.createDocumentFragment();
  for (const child of parent.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      out.append(document.createTextNode(child.data));
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const inner = onlyMarks(child);
      if (child.localName === 'mark') {
        const mark = document.createElement('mark');
        mark.append(inner);
        out.append(mark);
      } else {
        out.append(inner);
      }
    }
  }
  return out;
}

// Fills node with the highlight HTML when there is one, else with the plain text.
export function setMarked(node, html, plain) {
  if (html) {
    node.replaceChildren(markedHtml(html));
  } else {
    node.textContent = plain == null ? '' : String(plain);
  }
  return node;
}

// Article ids may contain '/', which stays a path separator; everything else is escaped.
export function articlePath(articleId) {
  return '/articles/' + String(articleId).split('/').map(encodeURIComponent).join('/');
}

export function articleHref(articleId, quoteOffset) {
  const path = articlePath(articleId);
  return Number.isInteger(quoteOffset) ? path + '#q=' + quoteOffset : path;
}

// A quote document's id is "articleId#offset"; the offset says where it sits in the article.
export function quoteOffset(hit) {
  if (!hit || typeof hit.id !== 'string' || typeof hit.articleId !== 'string') return null;
  const prefix = hit.articleId + '#';
  if (!hit.id.startsWith(prefix)) return null;
  const rest = hit.id.slice(prefix.length);
  return /^\d+$/.test(rest) ? Number(rest) : null;
}

const DATE_FORMAT = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const MONTH_FORMAT = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' });

// "2018-06-06" -> "Jun 6, 2018"; "2018-06" -> "June 2018"; anything else as given.
export function formatDate(value) {
  if (typeof value !== 'string') return '';
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return DATE_FORMAT.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return MONTH_FORMAT.format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
  return value;
}

// Parses a JSON answer; a body that is not JSON (a proxy's error page) becomes an error message.
export async function fetchJson(url, options) {
  // No Referer: it would repeat the page's address (a long query twice) in every API request.
  const response = await fetch(url, Object.assign({ headers: { Accept: 'application/json' }, referrerPolicy: 'no-referrer' }, options));
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error : 'The server answered ' + response.status + '.';
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

// Only web links from the corpus become clickable, never javascript: or data: URLs.
export function safeWebUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

// "“she” → Kim Kardashian, named as “Kardashian” at char 812 (cue “said”) [cue-after/pronoun]":
// how a quote was attributed, from an article's quote.
export function evidenceText(quote) {
  const out = document.createDocumentFragment();
  // "Kim Kardashian → Kim Kardashian" says nothing; show the arrow only when the text names them otherwise.
  const who = el('strong');
  who.append(quote.speaker ? speakerLink(quote.speaker) : 'unknown');
  if (quote.mention && quote.mention.text && quote.mention.text !== quote.speaker) {
    out.append('“', el('span', 'mention', quote.mention.text), '” → ', who);
  } else {
    out.append(who);
  }
  const a = quote.antecedent;
  if (a && a.text && Number.isInteger(a.offset)) {
    // "he" -> Ann Reyes, named at char 812: where the article gives the name the words point at
    out.append(', named as “', el('span', 'antecedent', a.text), '” at char ' + a.offset);
  }
  if (quote.cue) out.append(' (cue “', el('span', 'cue', quote.cue), '”)');
  if (quote.rule) out.append(' ', el('span', 'rule', '[' + quote.rule + ']'));
  return out;
}

// "Metro US · Jun 6, 2018" and any extra parts, as a <p class="meta">.
export function metaLine(item, extras) {
  const line = el('p', 'meta');
  const parts = [];
  if (item.source) parts.push(el('span', 'source', item.source));
  if (item.date) {
    const time = el('time', 'date', formatDate(item.date));
    time.dateTime = item.date;
    parts.push(time);
  }
  parts.push(...(extras || []));
  parts.forEach((part, i) => line.append(i ? ' · ' : '', part));
  return line;
}

const LAST_SEARCH = 'verbatim.lastSearch';

// Where the article page's "Back to results" goes. Storage can be switched off; then it is "/".
export function rememberSearch(url) {
  try {
    sessionStorage.setItem(LAST_SEARCH, url);
  } catch (e) {
    // Nothing to remember with; the back link falls back to the start page.
  }
}

export function lastSearch() {
  let url = null;
  try {
    url = sessionStorage.getItem(LAST_SEARCH);
  } catch (e) {
    url = null;
  }
  // Only our own search page: never "//elsewhere" or another path.
  return typeof url === 'string' && /^\/(\?.*)?$/.test(url) ? url : null;
}

const LONG_DATE = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

// The line a reporter pastes: “quote” — speaker, “headline”, outlet, June 6, 2018, url; unknown
// fields are left out with their commas. Export.java's Citation builds the same line.
export function citation(item) {
  const present = (v) => typeof v === 'string' && v.trim() !== '';
  const parts = [];
  if (present(item.speaker)) parts.push(item.speaker.trim());
  if (present(item.title)) parts.push('“' + item.title.trim() + '”');
  if (present(item.source)) parts.push(item.source.trim());
  if (present(item.date)) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(item.date.trim());
    parts.push(m ? LONG_DATE.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))) : item.date.trim());
  }
  if (present(item.url)) parts.push(item.url.trim());
  const rest = parts.join(', ');
  if (!present(item.quote)) return rest;
  const quoted = '“' + item.quote.trim() + '”';
  return rest ? quoted + ' — ' + rest : quoted;
}

export function speakerHref(name) {
  return '/speakers/' + encodeURIComponent(name);
}

export function quoteHref(quoteId) {
  return '/quotes/' + encodeURIComponent(quoteId);
}

// A speaker's name as a link to their page.
export function speakerLink(name, html) {
  const a = el('a', 'speaker');
  a.href = speakerHref(name);
  return setMarked(a, html, name);
}

// A "Copy citation" button and a permalink, for a quote card or the quote page. makeCitation
// may be async (the article's address is fetched on demand); the line is also kept in the
// button's data-citation, and a polite status says it was copied.
export function citeActions(makeCitation, permalink) {
  const box = el('div', 'cite');
  const button = el('button', 'copy-citation', 'Copy citation');
  button.type = 'button';
  const said = el('span', 'copied');
  said.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    const text = await makeCitation();
    button.dataset.citation = text;
    try {
      await navigator.clipboard.writeText(text);
      said.textContent = 'Citation copied';
    } catch (e) {
      said.textContent = 'Copy this: ' + text;
    }
  });
  const link = el('a', 'permalink', 'Permalink');
  link.href = permalink;
  link.title = 'A lasting link to this quote';
  box.append(button, ' ', link, ' ', said);
  return box;
}
