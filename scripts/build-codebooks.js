#!/usr/bin/env node
// Part of `npm run build`, after tsc: loads every codebook shipped in codebooks/ with the
// compiled loader and writes the result to dist/codebooks/<name>.json, so a first run of the
// default codebook does not parse it (src/codebook/cache.ts reads these, key permitting).
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { parseNamed, resolveCodebookPath } = await import('../dist/codebook/load.js');
const { freshEntry, shippedFile, shippedKey } = await import('../dist/codebook/cache.js');

for (const f of readdirSync(`${ROOT}codebooks`).filter((f) => f.endsWith('.yaml')).sort()) {
  const name = `builtin:${f.slice(0, -'.yaml'.length)}`;
  const path = resolveCodebookPath(name);
  const text = readFileSync(path, 'utf8');
  const entry = freshEntry(path, path, text, () => parseNamed(path, path, text));
  // Shipped entries are keyed without the path (see shippedKey), which a diagnostic would name.
  if (entry.diagnostics.length) {
    console.error(`${name}: ${entry.diagnostics.length} problem(s); a shipped codebook must check clean: run \`qia codebook check ${name}\``);
    process.exit(1);
  }
  entry.key = shippedKey(text);
  if (entry.codebook) entry.codebook.file = ''; // set on load to the name it is asked by
  const out = fileURLToPath(shippedFile(path));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, JSON.stringify(entry));
  renameSync(`${out}.tmp`, out);
}
