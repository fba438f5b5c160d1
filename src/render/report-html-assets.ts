/**
 * The report page's style and behaviour, inlined so the page is one file that makes no
 * request of any kind: system fonts only, no images, no external script.
 */
export const REPORT_CSS = `
:root{--ink:#1c2430;--muted:#5b6676;--line:#dfe3ea;--soft:#f5f7fa;--accent:#1f5f8b;--fav:#1e7b4f;--fav-bg:#e3f4ea;--mix:#8a5a00;--mix-bg:#fdf0d5;--unf:#a8322d;--unf-bg:#fbe4e2;--ins:#56606e;--ins-bg:#eceff3;--found:#9c3d12;--found-bg:#fde7da}
*{box-sizing:border-box}
html{font-size:15px}
body{margin:0;color:var(--ink);background:#fff;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;line-height:1.55;-webkit-print-color-adjust:exact;print-color-adjust:exact}
header.hero{background:linear-gradient(135deg,#17324d,#1f5f8b);color:#fff;padding:2.2rem 2rem 1.6rem}
.hero .eyebrow{text-transform:uppercase;letter-spacing:.08em;font-size:.78rem;opacity:.8}
.hero h1{margin:.3rem 0 .4rem;font-size:1.75rem;line-height:1.25;max-width:60rem}
.hero .case{margin:0 0 1rem;opacity:.92}
.facts{display:flex;flex-wrap:wrap;gap:.5rem 1.6rem;margin:0}
.facts div{display:flex;flex-direction:column}
.facts dt{font-size:.72rem;text-transform:uppercase;letter-spacing:.06em;opacity:.75}
.facts dd{margin:0;font-size:1.15rem;font-weight:600}
nav.toc{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);padding:.5rem 2rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.88rem}
nav.toc a{color:var(--accent);text-decoration:none}
nav.toc a:hover{text-decoration:underline}
main{max-width:86rem;margin:0 auto;padding:1rem 2rem 3rem}
section{margin-top:2.2rem}
h2{font-size:1.35rem;border-bottom:2px solid var(--ink);padding-bottom:.25rem;margin:0 0 1rem}
h3{font-size:1.08rem;margin:1.6rem 0 .5rem}
p.lead{color:var(--muted);margin-top:-.4rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(13.5rem,1fr));gap:.8rem}
.card{border:1px solid var(--line);border-radius:8px;padding:.75rem .85rem;background:#fff;display:flex;flex-direction:column;gap:.35rem}
.card .name{font-weight:600}
.card .nums{font-size:.85rem;color:var(--muted)}
.card.obstacle{background:var(--soft)}
.badge{display:inline-block;border-radius:999px;padding:.08rem .6rem;font-size:.78rem;font-weight:600;white-space:nowrap;border:1px solid transparent;width:max-content}
.badge.favourable{background:var(--fav-bg);color:var(--fav);border-color:#b9e0c9}
.badge.mixed{background:var(--mix-bg);color:var(--mix);border-color:#f1d89c}
.badge.unfavourable{background:var(--unf-bg);color:var(--unf);border-color:#f0bcb8}
.badge.insufficient,.badge.not-found{background:var(--ins-bg);color:var(--ins);border-color:#d5dae1}
.badge.found{background:var(--found-bg);color:var(--found);border-color:#f3c3a8}
.badge.converges{background:var(--fav-bg);color:var(--fav)}
.badge.diverges{background:var(--unf-bg);color:var(--unf)}
.badge.single-source,.badge.one-dimension{background:var(--ins-bg);color:var(--ins)}
.vbar{display:flex;height:6px;border-radius:3px;overflow:hidden;background:var(--ins-bg)}
.vbar span{display:block;height:100%}
.vbar .p{background:#2f9e6a}.vbar .n{background:#d2493f}.vbar .z{background:#aab3bf}
.filters{display:flex;flex-wrap:wrap;gap:1rem 2rem;margin:0 0 .8rem}
.filters fieldset{border:1px solid var(--line);border-radius:8px;padding:.35rem .8rem .5rem;margin:0}
.filters legend{font-size:.78rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);padding:0 .3rem}
.filters label{margin-right:.9rem;font-size:.92rem;white-space:nowrap;cursor:pointer}
.heat-wrap{display:grid;grid-template-columns:minmax(0,1fr) 21rem;gap:1.2rem;align-items:start}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.4rem 0 1rem}
th,td{border:1px solid var(--line);padding:.4rem .5rem;vertical-align:top;text-align:left}
thead th{background:var(--soft);font-weight:600}
caption{caption-side:top;text-align:left;font-weight:600;padding:.3rem 0}
tfoot td{color:var(--muted);font-size:.82rem;background:#fff}
tr.qia-group th{background:#eef2f7}
table.heat th,table.heat td{text-align:center;vertical-align:middle}
table.heat thead th{font-size:.76rem;line-height:1.2;padding:.35rem .3rem;hyphens:auto}
table.heat th.obst,table.heat td.obst{border-left-width:1px}
table.heat thead th.obst{background:#f3eeea}
table.heat tbody th{text-align:left;font-size:.85rem;min-width:7rem}
table.heat td{padding:0}
.hm{all:unset;box-sizing:border-box;display:block;width:100%;min-height:3rem;padding:.45rem .3rem;cursor:pointer;font-variant-numeric:tabular-nums;font-size:.85rem;text-align:center}
.hm:focus-visible{outline:3px solid #f2b705;outline-offset:-3px}
.hm[aria-pressed=true]{outline:3px solid var(--ink);outline-offset:-3px}
.hm .tot{display:block;font-size:1.05rem;font-weight:700}
.hm.empty{cursor:default;color:#b3bac4}
#detail{position:sticky;top:3.2rem;border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;background:var(--soft);min-height:12rem;max-height:34rem;overflow:auto}
#detail h3{margin:0 0 .3rem}
#detail .hint{color:var(--muted)}
#detail ol{padding-left:0;list-style:none;margin:.6rem 0 0}
#detail li{background:#fff;border:1px solid var(--line);border-left:4px solid #aab3bf;border-radius:6px;padding:.5rem .7rem;margin:0 0 .55rem}
#detail li.v1{border-left-color:#2f9e6a}#detail li.v-1{border-left-color:#d2493f}
#detail .q{margin:0;font-size:.92rem}
#detail .cite{display:block;color:var(--muted);font-size:.78rem;margin-top:.2rem}
.legend{font-size:.82rem;color:var(--muted);display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
.legend .sw{display:inline-block;width:1.6rem;height:.9rem;border-radius:3px;vertical-align:middle;margin-right:.3rem;border:1px solid var(--line)}
article.finding{border:1px solid var(--line);border-radius:10px;padding:.2rem 1.1rem 1rem;margin:1rem 0}
article.finding h3{display:flex;gap:.6rem;align-items:center;flex-wrap:wrap}
.explain{margin:.2rem 0 .6rem}
blockquote{margin:.5rem 0;padding:.4rem .9rem;border-left:4px solid #aab3bf;background:var(--soft);border-radius:0 6px 6px 0}
blockquote.v1{border-left-color:#2f9e6a}blockquote.v-1{border-left-color:#d2493f}
blockquote p{margin:0}
blockquote footer{color:var(--muted);font-size:.8rem;margin-top:.15rem}
aside.memo{margin:.5rem 0;padding:.4rem .9rem;border:1px dashed #aab3bf;border-radius:6px}
aside.memo p{margin:.2rem 0}aside.memo .memo-head{font-size:.85rem;color:var(--muted)}
details{margin:.6rem 0}
summary{cursor:pointer;font-weight:600}
.neg li{margin:.25rem 0}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin:.5rem 0 1.2rem}
.pair h4{margin:.2rem 0 .3rem;font-size:.92rem}
ul.rule li{margin:.2rem 0}
code,.mono{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.84em}
td.hash{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.72rem;word-break:break-all}
svg.sat{width:100%;max-width:48rem;height:auto;display:block;margin:.5rem 0 1rem}
svg.sat text{font-family:inherit;font-size:11px;fill:#5b6676}
footer.page{color:var(--muted);font-size:.8rem;border-top:1px solid var(--line);padding:1rem 2rem;text-align:center}
.hidden{display:none!important}
@media (max-width:1100px){.heat-wrap{grid-template-columns:1fr}#detail{position:static}}
@media (max-width:900px){.pair{grid-template-columns:1fr}main{padding:1rem}}
@media print{
  html{font-size:10.5pt}
  nav.toc,.filters,#detail,.no-print{display:none!important}
  header.hero{background:none;color:var(--ink);padding:0 0 .6rem;border-bottom:2px solid var(--ink)}
  main{max-width:none;padding:0}
  .heat-wrap{display:block}
  section{break-before:auto;margin-top:1.2rem}
  h2,h3{break-after:avoid}
  tr,blockquote,article.finding,.card{break-inside:avoid}
  article.finding{border:none;padding:0}
  .hm{min-height:0}
  a{color:inherit;text-decoration:none}
  details>summary{list-style:none}
}
`;

/** Behaviour: filters, cell selection and the quote panel. DOM built with textContent only. */
export const REPORT_JS = `(function () {
  'use strict';
  var holder = document.getElementById('qia-data');
  if (!holder) return;
  var data = JSON.parse(holder.textContent || '{}');
  var hm = data.heatmap;
  var T = data.text;
  var cells = {};
  hm.cells.forEach(function (c) { cells[c.row + '\\u0000' + c.column] = c; });
  var kinds = {};
  hm.kinds.forEach(function (k) { kinds[k] = true; });
  var roles = {};
  hm.rows.forEach(function (r) { roles[r.id] = true; });
  var selected = null;

  function counts(cell) {
    var c = { p: 0, n: 0, z: 0 };
    Object.keys(cell.byKind).forEach(function (k) {
      if (!kinds[k]) return;
      var v = cell.byKind[k];
      c.p += v.positive; c.n += v.negative; c.z += v.neutral;
    });
    c.t = c.p + c.n + c.z;
    return c;
  }
  function colour(c, max) {
    if (c.t === 0) return { bg: '#ffffff', fg: '#b3bac4' };
    var net = (c.p - c.n) / c.t;
    var strength = Math.sqrt(c.t / Math.max(1, max));
    var hue = net >= 0 ? 150 : 6;
    var sat = Math.round(18 + 52 * Math.abs(net));
    var light = Math.round(95 - 45 * strength * (0.35 + 0.65 * Math.abs(net)));
    return { bg: 'hsl(' + hue + ',' + sat + '%,' + light + '%)', fg: light < 62 ? '#ffffff' : '#1c2430' };
  }
  function marks(c) {
    var parts = [];
    if (c.p) parts.push('+' + c.p);
    if (c.n) parts.push('\\u2212' + c.n);
    if (c.z) parts.push('\\u00b7' + c.z);
    return parts.join(' ');
  }
  function refresh() {
    var max = 0;
    hm.cells.forEach(function (cell) { if (roles[cell.row]) max = Math.max(max, counts(cell).t); });
    document.querySelectorAll('table.heat tbody tr').forEach(function (tr) {
      tr.classList.toggle('hidden', !roles[tr.getAttribute('data-row')]);
    });
    document.querySelectorAll('button.hm').forEach(function (b) {
      var cell = cells[b.getAttribute('data-row') + '\\u0000' + b.getAttribute('data-col')];
      if (!cell) return;
      var c = counts(cell);
      var col = colour(c, max);
      b.style.background = col.bg;
      b.style.color = col.fg;
      b.classList.toggle('empty', c.t === 0);
      b.textContent = '';
      var tot = document.createElement('span');
      tot.className = 'tot';
      tot.textContent = c.t ? String(c.t) : '\\u2013';
      b.appendChild(tot);
      if (c.t) b.appendChild(document.createTextNode(marks(c)));
    });
    document.querySelectorAll('[data-qkind]').forEach(function (el) {
      var k = el.getAttribute('data-qkind');
      var r = el.getAttribute('data-qrole');
      el.classList.toggle('hidden', !kinds[k] || (r !== null && r !== '' && roles[r] === false));
    });
    if (selected) show(selected.row, selected.col);
  }
  function show(row, col) {
    var panel = document.getElementById('detail');
    var cell = cells[row + '\\u0000' + col];
    if (!panel || !cell) return;
    panel.textContent = '';
    var h = document.createElement('h3');
    h.textContent = (T.roles[row] || row) + ' \\u00d7 ' + (T.codes[col] || col);
    panel.appendChild(h);
    var c = counts(cell);
    var sum = document.createElement('div');
    sum.className = 'hint';
    sum.textContent = c.t + ' ' + T.codings + (c.t ? ' (' + marks(c) + ')' : '');
    panel.appendChild(sum);
    var shown = cell.quotes.filter(function (q) { return kinds[q.k]; });
    if (shown.length === 0) {
      var none = document.createElement('p');
      none.className = 'hint';
      none.textContent = T.noQuotes;
      panel.appendChild(none);
      return;
    }
    var ol = document.createElement('ol');
    ol.className = 'quotes';
    shown.forEach(function (q) {
      var li = document.createElement('li');
      li.className = 'v' + q.v;
      var p = document.createElement('p');
      p.className = 'q';
      p.textContent = '\\u201c' + q.q + '\\u201d';
      var cite = document.createElement('span');
      cite.className = 'cite';
      var sign = q.v > 0 ? '+' : q.v < 0 ? '\\u2212' : '\\u00b7';
      cite.textContent = sign + ' ' + (T.codes[q.c] || q.c) + ' \\u00b7 ' + (q.i ? q.i + ' \\u00b7 ' : '') + q.s + ', ' + T.line + ' ' + q.l + ' \\u00b7 ' + (T.kinds[q.k] || q.k);
      li.appendChild(p);
      li.appendChild(cite);
      ol.appendChild(li);
    });
    panel.appendChild(ol);
    var total = c.t;
    if (total > shown.length) {
      var more = document.createElement('p');
      more.className = 'hint';
      more.textContent = T.strongest.replace('{n}', String(shown.length)).replace('{t}', String(total));
      panel.appendChild(more);
    }
  }
  document.querySelectorAll('button.hm').forEach(function (b) {
    b.addEventListener('click', function () {
      document.querySelectorAll('button.hm[aria-pressed=true]').forEach(function (o) { o.setAttribute('aria-pressed', 'false'); });
      b.setAttribute('aria-pressed', 'true');
      selected = { row: b.getAttribute('data-row'), col: b.getAttribute('data-col') };
      show(selected.row, selected.col);
    });
  });
  document.querySelectorAll('input[data-filter]').forEach(function (input) {
    input.addEventListener('change', function () {
      var set = input.getAttribute('data-filter') === 'kind' ? kinds : roles;
      set[input.value] = input.checked;
      refresh();
    });
  });
  refresh();
})();
`;
