#!/usr/bin/env node
// Part of `npm run build`, after tsc: loads every codebook shipped in codebooks/ with the
// compiled loader and writes the result to dist/codebooks/<name>.json, listed by key in
// dist/codebooks/index.json, so a first run of the default codebook (or of a copy of it) does
// not parse it (src/codebook/cache.ts reads these).
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { resolveCodebookPath } = await import('../dist/study/codebook.js');
const { parseNamed } = await import('../dist/codebook/parse.js');
const { freshEntry, SHIPPED_DIR, shippedKey } = await import('../dist/cache/codebook.js');

const index = {};
for (const f of readdirSync(`${ROOT}codebooks`)
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const name = `builtin:${f.slice(0, -'.yaml'.length)}`;
  const path = resolveCodebookPath(name);
  const text = readFileSync(path, 'utf8');
  const entry = await freshEntry(path, path, text, async () => parseNamed(path, path, text));
  // Shipped entries are keyed without the path (see shippedKey), which a diagnostic would name.
  if (entry.diagnostics.length) {
    console.error(`${name}: ${entry.diagnostics.length} problem(s); a shipped codebook must check clean: run \`qia codebook check ${name}\``);
    process.exit(1);
  }
  entry.key = shippedKey(text);
  if (entry.codebook) entry.codebook.file = ''; // set on load to the name it is asked by
  const file = `${f.slice(0, -'.yaml'.length)}.json`;
  index[entry.key] = file;
  write(file, JSON.stringify(entry));
}
write('index.json', JSON.stringify(index));

function write(file, text) {
  const out = fileURLToPath(new URL(file, SHIPPED_DIR));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, text);
  renameSync(`${out}.tmp`, out);
}
