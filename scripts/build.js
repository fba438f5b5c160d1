#!/usr/bin/env node
// `npm run build`: compile src/ into dist/ with tsc, then load the shipped codebooks into
// dist/codebooks/ (scripts/build-codebooks.js), and record a hash of everything the build read.
//
// `--if-changed` (the `prepare` script) skips a build whose inputs have not changed since the
// last one. npm runs `prepare` after `npm install`, and again the first time `npx qia` runs in a
// clone, when npx links the project into its own cache: without the skip, the README's
// `npm install && npx qia run` compiled everything twice and its first `npx qia` took seconds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const STAMP = join(ROOT, 'dist/.build-inputs');

/** Every file the build reads, relative to the project, in a stable order. */
function inputs() {
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(relative(ROOT, p));
    }
  };
  for (const d of ['src', 'codebooks']) walk(join(ROOT, d));
  return [...files, 'tsconfig.json', 'package-lock.json', 'scripts/build.js', 'scripts/build-codebooks.js'];
}

function inputHash(files) {
  const h = createHash('sha256').update(process.version);
  for (const f of files) {
    h.update(`${f}\0`);
    if (existsSync(join(ROOT, f))) h.update(readFileSync(join(ROOT, f)));
    h.update('\0');
  }
  return h.digest('hex');
}

/** Whether dist/ holds a module for every source module (a deleted file must not pass). */
function distComplete(files) {
  return files
    .filter((f) => f.startsWith('src/') && f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .every((f) => existsSync(join(ROOT, 'dist', `${f.slice(4, -3)}.js`)));
}

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const files = inputs();
const hash = inputHash(files);
if (process.argv.includes('--if-changed') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash && distComplete(files)) process.exit(0);
run([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')]);
run([join(ROOT, 'scripts/build-codebooks.js')]);
writeFileSync(STAMP, hash);
