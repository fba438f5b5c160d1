import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli.js';
import { qia as runQia, ROOT, type CliRun } from '../helpers/cli.js';

/**
 * An Indonesian study speaks Indonesian (issue 20): qia tag, qia untag and qia codebook check
 * print their lines, errors and hints in the study's language, `--lang en` switches them to
 * English, and a rare diagnostic (informants/unknown-group) is Indonesian too. The codes in
 * brackets and the words error/warning/note stay as they are, for editors and scripts.
 */

const tmp = mkdtempSync(join(tmpdir(), 'qia-lang-'));
const study = join(tmp, 'studi');
const W01 = join(study, 'sources/interviews/w01-kepala-balai.md');
const NO_GIT = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const qia = (args: string[]): CliRun => runQia(args, { cwd: study, env: NO_GIT });

beforeAll(() => cpSync(join(ROOT, 'samples/mobile-service'), study, { recursive: true }));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Words that show a line is still English. */
const ENGLISH = /\b(the|is|not|no|in|of|on|line|tagged|already|nothing|written|has|was|give|see)\b/;

describe('an Indonesian study', () => {
  it('is Indonesian (the premise)', () => {
    expect(readFileSync(join(study, 'study.yaml'), 'utf8')).toMatch(/^language: id$/m);
  });

  it('qia tag and untag say what they did in Indonesian, and in English with --lang en', () => {
    const tag = qia(['tag', W01, '21', 'complexity-', '--coder', 'rina']);
    expect(tag.status, tag.stderr).toBe(0);
    expect(tag.stdout).toBe('ditandai #1 interviews/w01-kepala-balai:6 (baris 21) complexity −\noleh rina di codings/rina.decisions.jsonl\n');
    const again = qia(['tag', W01, '21', 'complexity-', '--coder', 'rina']);
    expect(again.stdout).toContain('sudah ditandai: interviews/w01-kepala-balai:6 (baris 21) complexity −; tidak ada yang ditulis');
    const english = qia(['tag', W01, '21', 'complexity-', '--coder', 'rina', '--lang', 'en']);
    expect(english.stdout).toContain('already tagged: interviews/w01-kepala-balai:6 (line 21) complexity −; nothing written');
    const untag = qia(['untag', W01, '21', 'complexity', '--coder', 'rina']);
    expect(untag.status, untag.stderr).toBe(0);
    expect(untag.stdout).toMatch(/^tanda dicabut #2 interviews\/w01-kepala-balai:6 complexity\noleh rina di /);
  });

  it('their errors and hints are Indonesian, with the stable code', () => {
    const unknown = qia(['tag', W01, '21', 'complexty+', '--coder', 'rina']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('qia: error: tidak ada kode "complexty" di buku kode [tag/unknown-code]\n  hint: lihat id kode dengan `qia codebook show`\n');
    const noText = qia(['tag', W01, '9999', 'complexity+', '--coder', 'rina']);
    expect(noText.stderr).toMatch(
      /^sources\/interviews\/w01-kepala-balai\.md:9999:1: error: tidak ada teks interviews\/w01-kepala-balai pada baris 9999 \[tag\/no-segment\]\n {2}hint: teks terdekat ada di baris \d+; teksnya mulai baris \d+ sampai baris \d+\n$/,
    );
    const nothing = qia(['untag', W01, '21', 'compatibility', '--coder', 'rina']);
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toMatch(
      /error: rina tidak punya tanda compatibility di baris 21 pada interviews\/w01-kepala-balai \[untag\/nothing\]\n {2}hint: qia untag mencabut /,
    );
    const source = qia(['untag', 'interviews/tidak-ada', '21', 'complexity', '--coder', 'rina']);
    expect(source.stderr).toContain('error: tidak ada sumber "interviews/tidak-ada" di ');
    expect(source.stderr).toContain('[untag/unknown-source]');
    // A refusal before the study is open follows --lang.
    const lines = qia(['tag', W01, 'x', 'complexity+', '--lang', 'id']);
    expect(lines.stderr).toBe('qia: error: "x" bukan nomor baris atau rentang baris [usage/bad-lines]\n  hint: misalnya 12, atau 12-14\n');
    for (const r of [unknown, noText, nothing, lines]) {
      for (const line of r.stderr.split('\n').filter(Boolean)) expect(line.replace(/\[[^\]]+\]|"[^"]*"|`[^`]*`|\S+\/\S+/g, ''), line).not.toMatch(ENGLISH);
    }
  });

  it('qia codebook check speaks the language of the study the codebook is in', () => {
    writeFileSync(
      join(study, 'codebook.yaml'),
      'id: kecil\nlanguages: [id]\ncodes:\n  - id: complexity\n    label: { id: Kerumitan }\n    rules:\n      - terms: [rumit]\n  - id: complexity\n    label: { id: Lagi }\n',
    );
    const r = qia(['codebook', 'check', 'codebook.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('codebook.yaml: ada galat: 1 kode, 1 aturan, 1 galat, 0 peringatan\n');
    expect(r.stderr).toMatch(
      /^codebook\.yaml:\d+:\d+: error: kode "complexity" didefinisikan dua kali \(pertama di baris 4\) \[codebook\/duplicate-id\]\n {2}hint: ganti nama atau gabungkan salah satunya\n/,
    );
    const en = qia(['codebook', 'check', 'codebook.yaml', '--lang', 'en']);
    expect(en.stdout).toBe('codebook.yaml: has errors: 1 code, 1 rule, 1 error, 0 warnings\n');
    expect(en.stderr).toContain('error: code "complexity" is defined twice (first at line 4) [codebook/duplicate-id]');
    // Outside a study, a codebook's check stays English.
    const outside = join(tmp, 'lepas.yaml');
    writeFileSync(outside, readFileSync(join(study, 'codebook.yaml')));
    expect(runQia(['codebook', 'check', outside], { cwd: tmp }).stdout).toContain(': has errors: 1 code,');
  });

  it('a rarer diagnostic (an informant group qia does not know) is Indonesian too', () => {
    const file = join(study, 'informants.csv');
    const rows = readFileSync(file, 'utf8').split('\n');
    rows[1] = rows[1]!.replace(/,(provider|user|partner),/, ',pemda,');
    writeFileSync(file, rows.join('\n'));
    const r = qia(['sources', '--format', 'json']);
    expect(r.stderr).toMatch(
      /^informants\.csv:2:1: warning: kelompok `pemda` milik \S+ bukan provider, user, atau partner \[informants\/unknown-group\]\n {2}hint: tampilan menurut peran membandingkan ketiga pihak ini; pakai salah satunya$/m,
    );
    expect(qia(['sources', '--format', 'json', '--lang', 'en']).stderr).toMatch(
      /warning: group `pemda` of \S+ is not provider, user or partner \[informants\/unknown-group\]/,
    );
  });
});

describe('--lang everywhere', () => {
  /** Every command a user runs (a group such as `codebook` is its subcommands). */
  const leaves = (cmd: Command, path: string[] = []): { path: string; cmd: Command }[] =>
    cmd.commands.length === 0 ? [{ path: path.join(' '), cmd }] : cmd.commands.flatMap((c) => leaves(c, [...path, c.name()]));

  it('every command takes --lang id|en, but completion, whose script has no words to translate', () => {
    const all = leaves(buildProgram(async () => {}));
    expect(all.length).toBeGreaterThan(18);
    const without = all.filter(({ cmd }) => !cmd.options.some((o) => o.long === '--lang' && (o.argChoices ?? []).join() === 'id,en')).map(({ path }) => path);
    expect(without).toEqual(['completion']);
  });
});
