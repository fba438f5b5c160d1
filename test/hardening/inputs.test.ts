import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qia, ROOT } from '../helpers/cli.js';
import { makeDocx, makeStudy } from '../sources/helpers.js';

/** Regressions for the defects of issue 17, each built from its repro. */

const GOOD = '---\ninformant: U1\n---\nP: Bagaimana?\n\nU1: Aplikasinya mudah sekali, tidak perlu antre.\n';

describe('no hang', () => {
  it('finishes, with a diagnostic, on front matter nested 2,000 levels deep read on worker threads', () => {
    const deep = '---\nx: ' + '{a: '.repeat(2000) + '1' + '}'.repeat(2000) + '\n---\nU1: mudah\n';
    const root = makeStudy({ 'sources/interviews/deep.md': deep, 'sources/interviews/w01.md': GOOD });
    const started = Date.now();
    const r = qia(['run', root, '--jobs', '2', '--out', join(root, 'out')], { timeout: 60_000 });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.stderr).toMatch(/deep\.md:2:1: error: .*front matter nested more than 32 levels deep/);
    expect(r.status).toBe(1);
    expect(readFileSync(join(root, 'out/codings.csv'), 'utf8')).toContain('interviews/w01:2');
  });

  it('refuses a named pipe given as the informants file instead of waiting on it', () => {
    const root = makeStudy({ 'sources/interviews/w01.md': GOOD });
    execFileSync('mkfifo', [join(root, 'people.fifo')]);
    writeFileSync(join(root, 'study.yaml'), readFileSync(join(root, 'study.yaml'), 'utf8').replace('informants: informants.csv', 'informants: people.fifo'));
    const r = qia(['code', root, '--lang', 'en'], { timeout: 20_000 });
    expect(r.stderr).toMatch(/error: informants file people\.fifo is not read: it is not a regular file/);
  });
});

describe('nothing read from outside the study', () => {
  it('refuses a ../ glob, a link to a file outside and a link to a folder outside, unless --allow-outside', () => {
    const outside = mkdtempSync(join(tmpdir(), 'qia-secret-'));
    writeFileSync(join(outside, 'secret.md'), 'U1: RAHASIA server down\n');
    const root = makeStudy(
      { 'sources/interviews/w01.md': GOOD },
      [
        'title: T',
        'case: C',
        'sources:',
        '  - glob: "sources/**/*"',
        '    kind: interview',
        `  - glob: "../${outside.split('/').pop()}/*"`,
        '    kind: document',
        '',
      ].join('\n'),
    );
    symlinkSync(join(outside, 'secret.md'), join(root, 'sources/interviews/link.md'));
    symlinkSync(outside, join(root, 'sources/elsewhere'));
    const r = qia(['run', root, '--out', join(root, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr.match(/\[source\/outside-study\]/g)).toHaveLength(3);
    for (const f of ['codings.csv', 'report.html', 'report.md']) expect(readFileSync(join(root, 'out', f), 'utf8')).not.toContain('RAHASIA');
    const allowed = qia(['run', root, '--out', join(root, 'out2'), '--allow-outside']);
    expect(allowed.stderr).not.toContain('outside-study');
    expect(readFileSync(join(root, 'out2/codings.csv'), 'utf8')).toContain('RAHASIA');
  });

  it('reads each source once when a link loops back to a folder above it', () => {
    const root = makeStudy({ 'sources/interviews/w01.md': GOOD }, 'title: T\ncase: C\nsources:\n  - glob: "sources/**/*"\n    kind: interview\n');
    symlinkSync('..', join(root, 'sources/interviews/loop'));
    const r = qia(['sources', root, '--format', 'json']);
    const listed = (JSON.parse(r.stdout) as { sources: { id: string }[] }).sources.map((s) => s.id);
    expect(listed).toEqual(['interviews/w01']);
  });

  it('refuses a memo that is a link to a file outside the study', () => {
    const outside = mkdtempSync(join(tmpdir(), 'qia-secret-'));
    writeFileSync(join(outside, 'm.md'), '---\ncode: complexity\n---\nRAHASIA\n');
    const root = makeStudy({ 'sources/interviews/w01.md': GOOD });
    mkdirSync(join(root, 'memos'));
    symlinkSync(join(outside, 'm.md'), join(root, 'memos/m.md'));
    const r = qia(['report', root, '--lang', 'en']);
    expect(r.stdout).not.toContain('RAHASIA');
    expect(r.stderr).toMatch(/memos\/m\.md is not read: it lies outside the study folder/);
  });
});

describe('amplification and encodings', () => {
  it('refuses a Word file that unzips past the limit, and one with more paragraphs than study.yaml allows, each naming the setting', () => {
    const huge = makeDocx(['Mudah.', 'x'.repeat(70 * 1024 * 1024)]);
    const many = makeDocx(Array.from({ length: 150 }, (_, i) => `Paragraf ${i}.`));
    const root = makeStudy({ 'sources/documents/huge.docx': huge, 'sources/documents/many.docx': many, 'sources/interviews/w01.md': GOOD });
    const yaml = readFileSync(join(root, 'study.yaml'), 'utf8');
    writeFileSync(join(root, 'study.yaml'), yaml + 'limits:\n  paragraphs: 100\n');
    const r = qia(['sources', root, '--lang', 'en']);
    expect(r.stderr).toMatch(
      /huge\.docx: error: Word file unzips to 70 MB, over the limit of 64 MB; it was not read \[source\/too-large\]\n {2}hint: .*limits: \{ docx_mb: 200 \}/,
    );
    expect(r.stderr).toMatch(/many\.docx: error: Word file has 150 paragraphs, over the limit of 100; it was not read/);
    // Without the setting the default (50,000) applies and the file is read.
    writeFileSync(join(root, 'study.yaml'), yaml);
    expect(qia(['sources', root]).stderr).not.toContain('many.docx');
  }, 120_000);

  it('reads a UTF-8 file with one stray byte as UTF-8, with a warning at the byte', () => {
    const bytes = Buffer.concat([Buffer.from('U1: Kafé buka.\nU1: Lalu '), Buffer.from([0x93]), Buffer.from('antre\u201d lama, naïve.\n')]);
    const root = makeStudy({ 'sources/interviews/w01.md': new Uint8Array(bytes) });
    const r = qia(['code', root, '--format', 'json', '--lang', 'en']);
    expect(r.stderr).toMatch(/w01\.md:2:10: warning: 1 byte is not valid UTF-8/);
    expect(r.stdout).not.toContain('Kafé'.replace('é', 'Ã©'));
  });
});

describe('interrupted writes', () => {
  it('replaces out/ whole: a run killed while writing leaves the old outputs, and the next run clears what it left', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'qia-kill-')), 'study');
    execFileSync('cp', ['-r', join(ROOT, 'samples/lapak-asik'), root]);
    const out = join(root, 'out');
    expect(qia(['run', root, '--out', out]).status).toBe(0);
    writeFileSync(join(out, 'my-notes.txt'), 'mine');
    const before = readFileSync(join(out, 'report.json'), 'utf8');
    // Kill a run at a few moments while it works; out/ must always be one whole set.
    for (const ms of [150, 400, 700, 1000]) {
      const child = spawn(process.execPath, [join(ROOT, 'bin/qia.js'), 'run', root, '--out', out], {
        stdio: 'ignore',
        env: { ...process.env, QIA_NO_CACHE: '1' },
      });
      // Listen before waiting: a run that ends before the kill has already emitted 'exit'.
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, ms));
      child.kill('SIGKILL');
      await exited;
      expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(before);
      expect(readFileSync(join(out, 'my-notes.txt'), 'utf8')).toBe('mine');
    }
    expect(qia(['run', root, '--out', out]).status).toBe(0);
    expect(readdirSync(root).filter((e) => e.startsWith('.out.'))).toEqual([]);
    expect(existsSync(join(out, 'my-notes.txt'))).toBe(true);
  }, 120_000);
});
