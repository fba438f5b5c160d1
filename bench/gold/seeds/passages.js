#!/usr/bin/env node
// The real-text development set's units: the passages of the seed documents in ../shared/seeds
// (real published texts), cut the same way on every machine. The texts stay where they are;
// this repository keeps only where each passage starts and ends, a hash of its words and the
// labels (labels.csv), never the published prose itself.
//
//   node bench/gold/seeds/passages.js              # list: id, kind, first words
//   node bench/gold/seeds/passages.js --text ID    # one passage (or a prefix such as 004:p01)
//   node bench/gold/seeds/passages.js --write      # (re)write passages.csv
//   node bench/gold/seeds/passages.js --check      # passages.csv still matches the seeds
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SEEDS_DIR = process.env.QIA_SEEDS ?? join(HERE, '../../../../shared/seeds');

/**
 * The seed files and how each is cut. `reflow`: a PDF extraction whose line breaks (each
 * followed by a blank line) fall mid-sentence, so the lines are joined and the text is cut into
 * sentences. `blocks`: paragraphs separated by blank lines; a paragraph broken by a page
 * (the next block starts in lower case) is joined again. `include` keeps only the parts of a
 * long thesis that carry its argument (not the title pages, table of contents, bibliography).
 */
export const SEEDS = [
  { key: '000', file: '000_4d86bf7103c85599.txt', what: 'journal abstract, Mobile Service BP3MI Lampung', mode: 'reflow' },
  { key: '001', file: '001_7a22239bf525563a.txt', what: 'news report (ANTARA), Mobile Service pilot project', mode: 'blocks' },
  {
    key: '003',
    file: '003_8f86d2a66a4b9f68.txt',
    what: 'news report (Datalampung), immigration strategy against non-procedural migrant workers',
    mode: 'lines',
  },
  {
    key: '004',
    file: '004_2a4fb0e0487805ff.txt',
    what: 'undergraduate thesis (skripsi), LAPAK ASIK, BPJS Ketenagakerjaan Bandar Lampung, 2022',
    mode: 'blocks',
    include: [
      ['## ABSTRAK', '\n**INOVASI PROGRAM PELAYANAN TANPA KONTAK FISIK'],
      ['## I. PENDAHULUAN', '## DAFTAR PUSTAKA'],
    ],
  },
];

function normalise(text) {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
}

const TERMINAL = /[.!?:;"”)\]]\s*$/;
const isHeadingLine = (s) => /^#{1,6}\s/.test(s) || /^\*\*[^*].*\*\*$/.test(s.trim());

/** Blocks of non-blank lines with their offsets. */
function blocks(text, from, to) {
  const out = [];
  const re = /[^\n]+(?:\n[^\n]*\S[^\n]*)*/g;
  re.lastIndex = from;
  let m;
  while ((m = re.exec(text)) && m.index < to) {
    const start = m.index;
    const end = Math.min(start + m[0].length, to);
    if (text.slice(start, end).trim()) out.push({ start, end });
  }
  return out;
}

function cut(seed, text) {
  const units = [];
  const ranges = seed.include
    ? seed.include.map(([a, b]) => {
        const s = text.indexOf(a);
        const e = text.indexOf(b, s + 1);
        if (s < 0 || e < 0) throw new Error(`${seed.file}: cannot find ${s < 0 ? a : b}`);
        return [s, e];
      })
    : [[0, text.length]];
  for (const [from, to] of ranges) {
    if (seed.mode === 'reflow') units.push(...sentences(text, from, to));
    else if (seed.mode === 'lines') {
      let at = from;
      for (const line of text.slice(from, to).split('\n')) {
        if (line.trim()) units.push({ start: at, end: at + line.length, kind: 'passage' });
        at += line.length + 1;
      }
    } else {
      const bs = blocks(text, from, to);
      for (let i = 0; i < bs.length; i++) {
        const b = bs[i];
        const body = text.slice(b.start, b.end).trim();
        const next = bs[i + 1] ? text.slice(bs[i + 1].start, bs[i + 1].end).trim() : '';
        const prev = units[units.length - 1];
        const heading =
          isHeadingLine(body) || (!body.includes('\n') && body.length <= 100 && !/[.!?;:,]\s*$/.test(body) && /^[A-Z0-9*(-]/.test(next) && !/^[-•]/.test(body));
        if (prev && prev.kind === 'passage' && !TERMINAL.test(text.slice(prev.start, prev.end)) && /^[a-z]/.test(body)) {
          prev.end = b.end;
          continue;
        }
        units.push({ start: b.start, end: b.end, kind: heading ? 'heading' : 'passage' });
      }
    }
  }
  return units;
}

function sentences(text, from, to) {
  // Lines joined: every offset still points into the original text.
  const out = [];
  let start = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (start < 0) {
      if (/\S/.test(ch)) start = i;
      continue;
    }
    if (ch === '.' || ch === '!' || ch === '?') {
      const after = text.slice(i + 1, i + 4);
      if (/^\s+\S/.test(after) || i + 1 >= to) {
        const s = text.slice(start, i + 1);
        if (/\b(dkk|dll|No|Rp|hlm)\.$/.test(s) || /\(\d{4}\.$/.test(s)) continue;
        out.push({ start, end: i + 1, kind: 'passage' });
        start = -1;
      }
    }
  }
  if (start >= 0 && text.slice(start, to).trim()) out.push({ start, end: to, kind: 'passage' });
  return out;
}

export function flat(s) {
  return s.replace(/\s+/g, ' ').trim();
}

export function hashOf(s) {
  return createHash('sha256').update(flat(s)).digest('hex').slice(0, 12);
}

/** Every unit of every seed: { id, seed, start, end, kind, heading (id of the heading above), text }. */
export function passages(dir = SEEDS_DIR) {
  const all = [];
  for (const seed of SEEDS) {
    const path = join(dir, seed.file);
    if (!existsSync(path)) throw new Error(`seed ${path} not found (set QIA_SEEDS)`);
    const text = normalise(readFileSync(path, 'utf8'));
    let n = 0;
    let h = 0;
    let heading = '';
    for (const u of cut(seed, text)) {
      const id = u.kind === 'heading' ? `${seed.key}:h${String(++h).padStart(3, '0')}` : `${seed.key}:p${String(++n).padStart(3, '0')}`;
      const body = text.slice(u.start, u.end);
      all.push({ id, seed: seed.file, start: u.start, end: u.end, kind: u.kind, heading: u.kind === 'heading' ? '' : heading, hash: hashOf(body), text: body });
      if (u.kind === 'heading') heading = id;
    }
  }
  return all;
}

const COLUMNS = ['id', 'seed', 'start', 'end', 'kind', 'heading', 'hash'];

function main() {
  const args = process.argv.slice(2);
  const all = passages();
  const csvPath = join(HERE, 'passages.csv');
  if (args[0] === '--write') {
    writeFileSync(csvPath, [COLUMNS.join(','), ...all.map((p) => COLUMNS.map((c) => p[c]).join(','))].join('\n') + '\n');
    console.log(`${all.length} units (${all.filter((p) => p.kind === 'passage').length} passages) -> ${csvPath}`);
  } else if (args[0] === '--check') {
    const want = readFileSync(csvPath, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const got = all.map((p) => COLUMNS.map((c) => String(p[c])));
    const bad = want.filter((w, i) => w.join(',') !== (got[i] ?? []).join(','));
    if (bad.length || want.length !== got.length) {
      console.error(`passages.csv does not match the seeds: ${bad.length} differing rows, ${want.length} vs ${got.length} units`);
      process.exit(1);
    }
    console.log(`passages.csv matches the seeds: ${got.length} units`);
  } else if (args[0] === '--text') {
    for (const p of all.filter((x) => x.id.startsWith(args[1] ?? ''))) {
      console.log(
        `=== ${p.id} (${p.kind}${p.heading ? `, under ${p.heading}: ${flat(all.find((x) => x.id === p.heading)?.text ?? '')}` : ''})\n${flat(p.text)}\n`,
      );
    }
  } else {
    for (const p of all) console.log(`${p.id}\t${p.kind}\t${flat(p.text).slice(0, 90)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
