// The codebook's surface terms (every term and `near` alternative, globs' stars removed), the
// word list ripgrep is given as the reference scan in bench/code.js and bench/scale.js.
export function surfaceTerms(doc) {
  const out = new Set();
  const add = (t) => {
    for (const alt of String(t).split('|')) {
      const w = alt.replace(/\*/g, '').trim();
      if (w.length >= 2) out.add(w);
    }
  };
  for (const code of doc.codes ?? []) {
    for (const r of code.rules ?? []) {
      const terms = Array.isArray(r.terms) ? r.terms : r.terms && typeof r.terms === 'object' ? Object.values(r.terms).flat() : [];
      terms.forEach(add);
      for (const slot of r.near ?? []) add(slot);
    }
  }
  return [...out];
}
