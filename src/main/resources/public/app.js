'use strict';
// Search as you type: debounced, and a slow answer never overwrites a newer one.
(function () {
  const form = document.getElementById('search-form');
  const input = document.getElementById('q');
  const type = document.getElementById('type');
  const status = document.getElementById('status');
  const results = document.getElementById('results');
  let latest = 0;
  let timer = null;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function render(data) {
    results.replaceChildren();
    status.textContent = data.total === 0
      ? 'No results.'
      : (data.totalExact ? '' : 'More than ') + data.total + ' results (' + data.tookMs + ' ms)';
    for (const hit of data.hits) {
      const li = el('li', 'hit hit-' + hit.type);
      const body = el('blockquote', 'passage');
      // Highlights arrive HTML-escaped by the server; only its <mark> tags are markup.
      body.innerHTML = (hit.highlights.length ? hit.highlights : [hit.text]).join(' … ');
      li.append(body);
      const meta = el('p', 'meta');
      if (hit.type === 'quote') {
        meta.append(el('span', 'speaker', hit.speaker || 'Speaker unknown'));
        meta.append(document.createTextNode(' — '));
      }
      meta.append(el('span', 'title', hit.title));
      if (hit.source) meta.append(document.createTextNode(' · '), el('span', 'source', hit.source));
      li.append(meta);
      results.append(li);
    }
  }

  async function search() {
    const q = input.value;
    const ticket = ++latest;
    const params = new URLSearchParams({ q: q, limit: '20' });
    if (type.value) params.set('type', type.value);
    try {
      const response = await fetch('/api/search?' + params.toString());
      const data = await response.json();
      if (ticket !== latest) return;
      if (!response.ok) {
        results.replaceChildren();
        status.textContent = data.error || 'Search failed.';
        status.className = 'error';
        return;
      }
      status.className = '';
      render(data);
    } catch (e) {
      if (ticket === latest) status.textContent = 'The server did not answer.';
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  }

  input.addEventListener('input', schedule);
  type.addEventListener('change', search);
  form.addEventListener('submit', function (e) { e.preventDefault(); search(); });
  search();
})();
