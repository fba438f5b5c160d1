#!/usr/bin/env node
// Regenerates the terminal screens in docs/coding-session.md from the real binary: a fresh
// `qia init` study in a temp folder, `qia code`, `qia review` driven in tmux (send-keys, then
// capture-pane at 80×24 under NO_COLOR), `qia tag`, `qia run`. Each screen sits between
// `<!-- capture:NAME -->` and `<!-- /capture -->` in the walkthrough; the prose around them is
// written by hand and left alone.
//
//   npm run build && node scripts/capture-review.js           rewrite the screens
//   node scripts/capture-review.js --check                    exit 1 when a screen is out of date
//
// Deterministic: the study is the one `qia init` writes, commands run from the temp folder so
// paths are relative, no clock or temp path appears on a screen, and each key is sent only after
// the screen shows what the previous one did. Needs tmux.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/qia.js');
const DOC = join(ROOT, 'docs/coding-session.md');
const check = process.argv.includes('--check');
const unknown = process.argv.slice(2).filter((a) => a !== '--check');
if (unknown.length > 0) {
  process.stderr.write(`capture-review: unknown argument ${unknown[0]}\nusage: node scripts/capture-review.js [--check]\n`);
  process.exit(2);
}
if (spawnSync('tmux', ['-V']).status !== 0) {
  process.stderr.write('capture-review: tmux is needed (apt-get install -y tmux)\n');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'qia-capture-'));
const env = { ...process.env, NO_COLOR: '1', QIA_CACHE_DIR: join(work, '.cache'), GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
for (const k of ['FORCE_COLOR', 'TMUX', 'TMUX_PANE']) delete env[k];
const socket = `qia-capture-${process.pid}-${randomBytes(4).toString('hex')}`;
let started = false;

/** One command as a user types it in the study's parent folder: the prompt line, then its output (and the exit status when it is not 0). */
function shell(args, status = 0) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: work, env, encoding: 'utf8' });
  if (r.status !== status) throw new Error(`qia ${args.join(' ')} exited ${r.status}, not ${status}:\n${r.stderr}`);
  const shown = args.map((a) => (/[\s"']/.test(a) ? `"${a}"` : a)).join(' ');
  const tail = status === 0 ? '' : `\n$ echo $?\n${status}`;
  return `$ qia ${shown}\n${(r.stdout + r.stderr).replace(/\s+$/, '')}${tail}`;
}

function tmux(...args) {
  const r = spawnSync('tmux', ['-L', socket, '-f', '/dev/null', '-u', ...args], { encoding: 'utf8', env, timeout: 10_000 });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** The pane as lines, trailing blanks cut from each: what a reader sees. */
function screen() {
  return tmux('capture-pane', '-p', '-t', 'r')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

async function waitFor(...wanted) {
  const until = Date.now() + 15_000;
  for (;;) {
    const s = screen();
    if (wanted.every((w) => s.includes(w))) return s;
    if (Date.now() > until) throw new Error(`timed out waiting for ${wanted.join(', ')}; the screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

const key = (...k) => tmux('send-keys', '-t', 'r', ...k);
const type = (text) => tmux('send-keys', '-t', 'r', '-l', text);

async function capture() {
  const shots = {};
  shots.init = shell(['init', 'studi']);
  shots.code = shell(['code', 'studi']);

  // The review loop: the 24 rows of an 80-column terminal, as tmux holds them.
  tmux(
    'new-session',
    '-d',
    '-s',
    'r',
    '-c',
    work,
    '-x',
    '80',
    '-y',
    '24',
    `node ${JSON.stringify(BIN)} review studi --coder rina --lang en; echo; echo "[qia review ended with status $?]"; sleep 600`,
  );
  started = true;
  shots.review1 = await waitFor('segment 1 of 6', 'coder rina');
  key('n');
  await waitFor('segment 2 of 6', '#1 rejected: obstacle_internal.server_system');
  key('y');
  await waitFor('#2 accepted: complexity.skills');
  key('c');
  await waitFor('Change trialability.trial to');
  type('observ');
  shots.picker = await waitFor('> observ');
  key('Escape');
  await waitFor('y accept');
  key('y');
  await waitFor('#3 accepted: trialability.trial');
  key('y');
  await waitFor('segment 3 of 6', '#4 accepted: trialability.replication');
  key('y');
  await waitFor('segment 4 of 6', '#5 accepted: relative_advantage.time_saving');
  key('n');
  await waitFor('#6 rejected: complexity.skills');
  shots.review4 = screen();
  key('y');
  await waitFor('segment 5 of 6', '#7 accepted: obstacle_external.network');
  key('u');
  shots.undo = await waitFor('segment 4 of 6', '#8 undoes #7');
  key('y');
  await waitFor('segment 5 of 6', '#9 accepted: obstacle_external.network');
  key('q');
  shots.quit = (await waitFor('[qia review ended with status 0]')).replace(/^\n+/, '');

  shots.tag = shell(['tag', 'studi/sources/interviews/w01-contoh-warga.md', '17', 'complexity.ease_of_use+', '--coder', 'rina', '--memo', 'petunjuknya jelas']);
  shots.tagerror =
    shell(['tag', 'studi/sources/interviews/w01-contoh-warga.md', '12', 'ease_of_use+', '--coder', 'rina'], 2) +
    '\n' +
    shell(['tag', 'studi/sources/interviews/w01-contoh-warga.md', '12', 'complexity.ease_of_use+', '--coder', 'rina'], 2);
  shots.run = shell(['run', 'studi', '--lang', 'en']).replace(/^Written to .*$/m, (l) => wrap(l, 80));
  shots.codings = statusTable(readFileSync(join(work, 'studi/out/codings.csv'), 'utf8'));
  shots.report = readFileSync(join(work, 'studi/out/report.md'), 'utf8')
    .split('\n')
    .filter((l) => /^- \*\*[A-Z][a-z ]+\.\*\* /.test(l))
    .map((l) => wrap(l, 80))
    .join('\n');
  return shots;
}

/** Long lines broken at spaces, so the listing reads at 80 columns. */
function wrap(line, width) {
  const out = [];
  let cur = '';
  for (const w of line.split(' ')) {
    if (cur !== '' && cur.length + 1 + w.length > width) {
      out.push(cur);
      cur = '  ' + w;
    } else cur = cur === '' ? w : `${cur} ${w}`;
  }
  return [...out, cur].join('\n');
}

/** codings.csv cut to the columns a review changes: segment, code, valence, coder, origin, status, memo. */
function statusTable(csv) {
  const [head, ...rows] = csv.trim().split('\n');
  const cols = head.split(',');
  const want = ['segment', 'code', 'valence', 'coder', 'origin', 'status', 'memo'];
  // Fields up to `quote` hold no commas; memo is the last column and may be quoted.
  const lines = rows.map((r) => {
    const f = r.split(',');
    const memo = r.endsWith('"') ? r.slice(r.lastIndexOf(',"') + 2, -1) : f.at(-1);
    return want.map((w) => (w === 'memo' ? memo : f[cols.indexOf(w)]));
  });
  const widths = want.map((w, i) => Math.max(w.length, ...lines.map((l) => l[i].length)));
  return [want, ...lines]
    .map((l) =>
      l
        .map((x, i) => x.padEnd(widths[i]))
        .join('  ')
        .replace(/\s+$/, ''),
    )
    .join('\n');
}

function fill(doc, shots) {
  const seen = new Set();
  const out = doc.replace(/<!-- capture:([\w-]+) -->\n[\s\S]*?<!-- \/capture -->/g, (_, name) => {
    if (!(name in shots)) throw new Error(`docs/coding-session.md names a capture "${name}" this script does not make`);
    seen.add(name);
    return `<!-- capture:${name} -->\n\`\`\`text\n${shots[name]}\n\`\`\`\n<!-- /capture -->`;
  });
  const missing = Object.keys(shots).filter((k) => !seen.has(k));
  if (missing.length > 0) throw new Error(`docs/coding-session.md has no place for ${missing.join(', ')}`);
  return out;
}

try {
  const shots = await capture();
  const doc = readFileSync(DOC, 'utf8');
  const next = fill(doc, shots);
  if (check) {
    if (next !== doc) {
      process.stderr.write('capture-review: docs/coding-session.md is out of date; run `node scripts/capture-review.js`\n');
      process.exitCode = 1;
    } else process.stdout.write('docs/coding-session.md is up to date\n');
  } else {
    writeFileSync(DOC, next);
    process.stdout.write(`${next === doc ? 'unchanged' : 'rewrote'} docs/coding-session.md (${Object.keys(shots).length} screens)\n`);
  }
} finally {
  if (started) {
    // kill-server leaves the socket file behind; it is this script's own, so it goes too.
    const path = spawnSync('tmux', ['-L', socket, 'display-message', '-p', '#{socket_path}'], { encoding: 'utf8', env, timeout: 10_000 }).stdout.trim();
    spawnSync('tmux', ['-L', socket, 'kill-server'], { env, timeout: 10_000 });
    if (path.endsWith(`/${socket}`)) rmSync(path, { force: true });
  }
  rmSync(work, { recursive: true, force: true });
}
