import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/model/decision.js';
import { qia as runQia, ROOT, type CliRun } from '../helpers/cli.js';

/**
 * `qia tag` and `qia untag` as a user runs them: the built binary on a copy of the
 * mobile-service sample (Markdown, caption, turn-table and Word transcripts), then the next
 * `qia code --format json` to see what the study now holds.
 */

const SAMPLE = join(ROOT, 'samples/mobile-service');
const W01 = 'sources/interviews/w01-kepala-balai.md';

let tmp: string;
let study: string;

// No git name from the machine running the tests: each test says where the coder comes from.
const NO_GIT = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
// The sample study is Indonesian, so tag and untag speak Indonesian unless told: these tests read
// the English lines (test/cli/lang-messages.test.ts reads the Indonesian ones).
const inEnglish = (args: string[]) => (args[0] === 'tag' || args[0] === 'untag' ? [...args, '--lang', 'en'] : args);
const qia = (args: string[], cwd = study, env: Record<string, string> = {}): CliRun => runQia(inEnglish(args), { cwd, env: { ...NO_GIT, ...env } });

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'qia-tag-'));
  study = join(tmp, 'study');
  cpSync(SAMPLE, study, { recursive: true });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

interface Row {
  segmentId: string;
  sourceId: string;
  line: number;
  code: string;
  valence: number;
  coder: string;
  origin: string;
  status: string;
  quote: string;
  memo?: string;
  from?: { file: string; line: number };
}

function codings(): Row[] {
  const r = qia(['code', '--format', 'json']);
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { codings: Row[] }).codings;
}

const manual = (): Row[] => codings().filter((c) => c.origin === 'manual');

function log(coder: string): Decision[] {
  return readFileSync(join(study, 'codings', `${coder}.decisions.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Decision);
}

/** Every file of codings/ with its bytes, to show a refused command wrote nothing. */
function codingsFolder(): Record<string, string> {
  const dir = join(study, 'codings');
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('qia tag', () => {
  it('tags a line of a Markdown transcript by its path: the next qia code has it as manual, with its valence, coder and memo', () => {
    const r = qia(['tag', W01, '21', 'relative_advantage.time_saving+', '--coder', 'rina', '--memo', 'jarak tiga jam ke kantor']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('tagged #1 interviews/w01-kepala-balai:6 (line 21) relative_advantage.time_saving +\nby rina in codings/rina.decisions.jsonl\n');

    const [d] = log('rina');
    expect(d).toMatchObject({ v: 1, seq: 1, coder: 'rina', op: 'add', code: 'relative_advantage.time_saving', valence: 1, memo: 'jarak tiga jam ke kantor' });
    expect(d!.anchor).toMatchObject({
      source: 'interviews/w01-kepala-balai',
      segment: 'interviews/w01-kepala-balai:6',
      line: 21,
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
    });

    const rows = manual();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      segmentId: 'interviews/w01-kepala-balai:6',
      line: 21,
      code: 'relative_advantage.time_saving',
      valence: 1,
      coder: 'rina',
      origin: 'manual',
      status: 'manual',
      memo: 'jarak tiga jam ke kantor',
      from: { file: 'codings/rina.decisions.jsonl', line: 1 },
    });
    expect(rows[0]!.quote).toMatch(/^Jadi begini\. Lampung ini kan termasuk empat besar/);
    // Every automatic coding is still there, each with a status.
    const all = codings();
    expect(all.some((c) => c.origin === 'rule' && c.status === 'auto')).toBe(true);
    expect(all.every((c) => ['auto', 'accepted', 'changed', 'rejected', 'manual'].includes(c.status))).toBe(true);
  });

  it('takes the source by its id, from outside the study with --study, and a caption cue by the line its words are on', () => {
    const out = qia(['tag', 'interviews/w09-mitra-bpjs-ketenagakerjaan', '15', 'compatibility.needs-', '--coder', 'rina', '--study', study], tmp);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    // Cue 2's timing is on line 14; its words, and so the line qia shows for it, are on line 15.
    expect(out.stdout).toContain('tagged #1 interviews/w09-mitra-bpjs-ketenagakerjaan:2 (line 15) compatibility.needs −');
    expect(manual()).toEqual([
      expect.objectContaining({
        segmentId: 'interviews/w09-mitra-bpjs-ketenagakerjaan:2',
        code: 'compatibility.needs',
        valence: -1,
        origin: 'manual',
        status: 'manual',
      }),
    ]);
  });

  it('a row of a turn table by its line, and a Word paragraph by its number', () => {
    expect(qia(['tag', 'sources/interviews/w03-petugas-pendataan.csv', '5', 'observability.media+', '--coder', 'rina']).status).toBe(0);
    expect(qia(['tag', 'interviews/w06-keluarga-pmi-lamtim', '3', 'complexity0', '--coder', 'rina']).status).toBe(0);
    const rows = manual();
    expect(rows.map((c) => [c.segmentId, c.code, c.valence])).toEqual([
      ['interviews/w03-petugas-pendataan:4', 'observability.media', 1],
      ['interviews/w06-keluarga-pmi-lamtim:3', 'complexity', 0],
    ]);
    expect(rows[0]!.quote).toContain('upload ke Instagram kantor');
  });

  it("a range of lines tags each informant turn in it, leaves the interviewer's question between them out and says so", () => {
    const r = qia(['tag', W01, '21-25', 'obstacle_external-', '--coder', 'rina']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        'tagged #1 interviews/w01-kepala-balai:6 (line 21) obstacle_external −',
        'tagged #2 interviews/w01-kepala-balai:8 (line 25) obstacle_external −',
        "not tagged: the interviewer's turn interviews/w01-kepala-balai:7 (line 23); tag its line alone to code it",
        'by rina in codings/rina.decisions.jsonl',
        '',
      ].join('\n'),
    );
    expect(manual().map((c) => [c.line, c.code, c.valence])).toEqual([
      [21, 'obstacle_external', -1],
      [25, 'obstacle_external', -1],
    ]);
    // The interviewer's turn alone, asked for, is tagged.
    expect(qia(['tag', W01, '23', 'obstacle_external', '--coder', 'rina']).stdout).toContain(
      'tagged #3 interviews/w01-kepala-balai:7 (line 23) obstacle_external −',
    );
  });

  it("valence: + and - set it, 0 too, and without a sign the code's default (− for an obstacle)", () => {
    for (const code of ['complexity.ease_of_use+', 'complexity.skills-', 'trialability0', 'obstacle_internal.server_system']) {
      expect(qia(['tag', W01, '21', code, '--coder', 'rina']).status).toBe(0);
    }
    expect(manual().map((c) => [c.code, c.valence])).toEqual([
      ['complexity.ease_of_use', 1],
      ['complexity.skills', -1],
      ['obstacle_internal.server_system', -1],
      ['trialability', 0],
    ]);
  });

  it('a tag in a Markdown turn that spans several lines keeps only the lines asked for', () => {
    writeFileSync(
      join(study, 'sources/interviews/w10-tambahan.md'),
      '---\nkind: interview\ninformant: U1\n---\n\nP: Bagaimana pengalaman Ibu?\n\nI: Datang ke balai desa itu dekat.\nTidak perlu ke Bandar Lampung lagi.\nTapi antrenya panjang sekali.\n',
    );
    expect(qia(['tag', 'interviews/w10-tambahan', '9', 'relative_advantage.time_saving+', '--coder', 'rina']).status).toBe(0);
    const [row] = manual();
    expect(row).toMatchObject({ segmentId: 'interviews/w10-tambahan:2', line: 9, quote: 'Tidak perlu ke Bandar Lampung lagi.' });
  });
});

describe('tagging again', () => {
  it("the same tag twice writes nothing the second time; another valence or memo replaces this coder's tag instead of adding a second", () => {
    expect(qia(['tag', W01, '21', 'complexity-', '--coder', 'rina']).stdout).toContain('tagged #1 interviews/w01-kepala-balai:6 (line 21) complexity −');
    const again = qia(['tag', W01, '21', 'complexity-', '--coder', 'rina']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already tagged: interviews/w01-kepala-balai:6 (line 21) complexity −; nothing written');
    expect(log('rina')).toHaveLength(1);

    const flip = qia(['tag', W01, '21', 'complexity+', '--coder', 'rina', '--memo', 'mudah setelah dijelaskan']);
    expect(flip.stdout).toContain('retagged #2 #3 interviews/w01-kepala-balai:6 (line 21) complexity − → + (memo changed)');
    expect(log('rina').map((d) => [d.seq, d.op, d.valence])).toEqual([
      [1, 'add', -1],
      [2, 'remove', undefined],
      [3, 'add', 1],
    ]);
    expect(manual().map((c) => [c.code, c.valence, c.memo])).toEqual([['complexity', 1, 'mudah setelah dijelaskan']]);

    // Another coder's tag of the same code is theirs: both stand.
    expect(qia(['tag', W01, '21', 'complexity-', '--coder', 'budi']).stdout).toContain('tagged #1 ');
    expect(
      manual()
        .map((c) => [c.coder, c.valence])
        .sort(),
    ).toEqual([
      ['budi', -1],
      ['rina', 1],
    ]);
  });
});

describe('qia untag', () => {
  it('takes a tag back: the next qia code no longer has it, and the log keeps both lines', () => {
    qia(['tag', W01, '21', 'relative_advantage.time_saving+', '--coder', 'rina']);
    qia(['tag', W01, '25', 'compatibility+', '--coder', 'rina']);
    const r = qia(['untag', W01, '21', 'relative_advantage.time_saving', '--coder', 'rina']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('untagged #3 interviews/w01-kepala-balai:6 relative_advantage.time_saving\nby rina in codings/rina.decisions.jsonl\n');
    expect(log('rina').map((d) => [d.seq, d.op, d.code])).toEqual([
      [1, 'add', 'relative_advantage.time_saving'],
      [2, 'add', 'compatibility'],
      [3, 'remove', 'relative_advantage.time_saving'],
    ]);
    expect(manual().map((c) => [c.line, c.code])).toEqual([[25, 'compatibility']]);
  });

  it('refuses, exit 1, what this coder never tagged, and writes nothing', () => {
    qia(['tag', W01, '21', 'compatibility+', '--coder', 'rina']);
    const before = codingsFolder();
    for (const args of [
      ['untag', W01, '21', 'complexity', '--coder', 'rina'],
      ['untag', W01, '21', 'compatibility', '--coder', 'budi'],
    ]) {
      const r = qia(args);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(
        /^sources\/interviews\/w01-kepala-balai\.md:21:1: error: (rina|budi) has no tag of (complexity|compatibility) on line 21 of interviews\/w01-kepala-balai \[untag\/nothing\]\n {2}hint: qia untag takes back what qia tag or qia review added/,
      );
    }
    expect(codingsFolder()).toEqual(before);
  });
});

describe('bad input: non-zero exit, a diagnostic that says what to do, nothing written', () => {
  const cases: [string, string[], number, RegExp][] = [
    [
      'an unknown code, with the codes it may have meant',
      ['tag', W01, '21', 'ease_of_use+'],
      2,
      /^qia: error: no code "ease_of_use" in the codebook \[tag\/unknown-code\]\n {2}hint: did you mean complexity\.ease_of_use\?\n$/,
    ],
    [
      'a code nothing resembles',
      ['tag', W01, '21', 'zzz'],
      2,
      /no code "zzz" in the codebook \[tag\/unknown-code\]\n {2}hint: see `qia codebook show` for the code ids/,
    ],
    [
      'a line past the end of the file',
      ['tag', W01, '500', 'complexity+'],
      2,
      /^sources\/interviews\/w01-kepala-balai\.md:500:1: error: no text of interviews\/w01-kepala-balai on line 500 \[tag\/no-segment\]\n {2}hint: the nearest text is on line 69; its text runs from line 11 to line 69\n$/,
    ],
    [
      'a line of the front matter',
      ['tag', W01, '3', 'complexity+'],
      2,
      /^sources\/interviews\/w01-kepala-balai\.md:3:1: error: no text .* on line 3 \[tag\/no-segment\]\n {2}hint: the nearest text is on line 11;/,
    ],
    [
      'an unknown source',
      ['tag', 'interviews/w99-tidak-ada', '3', 'complexity'],
      2,
      /^qia: error: no source "interviews\/w99-tidak-ada" in \. \[tag\/unknown-source\]\n {2}hint: give the file's path or its id as `qia sources` lists it/,
    ],
    [
      'lines that are not lines',
      ['tag', W01, '12-3', 'complexity'],
      2,
      /"12-3" is not a line or a range of lines \[usage\/bad-lines\]\n {2}hint: for example 12, or 12-14/,
    ],
    [
      'a coder name with nothing to name a file with',
      ['tag', W01, '21', 'complexity', '--coder', '!!'],
      2,
      /--coder "!!" has no letter or digit .* \[usage\/bad-coder\]/,
    ],
    ['untag of an unknown code', ['untag', W01, '21', 'nope'], 2, /no code "nope" in the codebook \[untag\/unknown-code\]/],
  ];
  it.each(cases)('%s', (_what, args, status, message) => {
    const r = qia([...args, ...(args.includes('--coder') ? [] : ['--coder', 'rina'])]);
    expect(r.status).toBe(status);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(codingsFolder()).toEqual({});
  });

  it("a coding.coder in study.yaml that cannot name a log: refused at its line (not the tag sent to the git name's log)", () => {
    const yaml = join(study, 'study.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('coding:\n', 'coding:\n  coder: "!!"\n'));
    const r = qia(['tag', W01, '21', 'complexity']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^study\.yaml:\d+:\d+: error: coding\.coder must be a name with a letter or digit, not `!!` \[study\/invalid-value\]\n {2}hint: correct coding\.coder in study\.yaml, or give --coder NAME\n$/,
    );
    expect(codingsFolder()).toEqual({});
    // --coder still works, and says what is wrong with study.yaml.
    const ok = qia(['tag', W01, '21', 'complexity', '--coder', 'rina']);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain('error: coding.coder must be a name with a letter or digit');
  });

  it('outside any study, a source id alone is refused with where to run it', () => {
    const r = qia(['tag', 'interviews/w01-kepala-balai', '21', 'complexity', '--coder', 'rina'], tmp);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no study here: qia tag writes into a study folder [tag/no-study]');
    expect(codingsFolder()).toEqual({});
  });
});

describe('whose tag: --coder, then study.yaml coding.coder, then git user.name, then the login name', () => {
  const tagOnce = (extra: string[] = []) => qia(['tag', W01, '21', 'complexity+', ...extra]);

  it('the login name when nothing else names the coder', () => {
    const login = userInfo().username.toLowerCase();
    const r = tagOnce();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`by ${login} in codings/${login}.decisions.jsonl`);
  });

  it('git user.name over the login name, made a file name', () => {
    expect(spawnSync('git', ['init', '-q'], { cwd: study }).status).toBe(0);
    expect(spawnSync('git', ['config', 'user.name', 'Ana Putri'], { cwd: study }).status).toBe(0);
    expect(tagOnce().stdout).toContain('by ana-putri in codings/ana-putri.decisions.jsonl');

    // study.yaml coding.coder over git.
    const yaml = join(study, 'study.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('coding:\n', 'coding:\n  coder: "Budi Santoso"\n'));
    expect(tagOnce().stdout).toContain('by budi-santoso in codings/budi-santoso.decisions.jsonl');

    // --coder over all of them.
    expect(tagOnce(['--coder', 'Citra']).stdout).toContain('by citra in codings/citra.decisions.jsonl');
    expect(
      manual()
        .map((c) => c.coder)
        .sort(),
    ).toEqual(['ana-putri', 'budi-santoso', 'citra']);
  });
});
