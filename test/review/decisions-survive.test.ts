import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as codeCommand } from '../../src/commands/code.js';
import { anchorFor } from '../../src/commands/review.js';
import { tagOrUntag } from '../../src/commands/tag.js';
import { SegmentIndex } from '../../src/coding/lookup.js';
import type { Valence } from '../../src/model/codebook.js';
import type { Coding } from '../../src/model/coding.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { DecisionDraft } from '../../src/review/types.js';
import { codeStudy, type Corpus } from '../../src/pipeline/run.js';
import { DecisionLogFile } from '../../src/study/decision-log-file.js';
import { openStudy } from '../../src/study/open.js';
import { makeDocx } from '../sources/helpers.js';

/**
 * The researcher's decisions against the files they are about, at the level a user sees: a
 * study of four transcripts (Markdown, WebVTT captions, a CSV turn table, a Word file), decisions
 * written to codings/rina.decisions.jsonl as `qia review` writes them and tags made by
 * `qia tag`'s own code, then the pipeline as `qia code` runs it.
 *
 * 1. Turns inserted at the top of every transcript move every line and segment number; the
 *    next run still puts each decision on the same words, with the same effect.
 * 2. A decision whose words are gone is a warning naming the log and its line.
 * 3. Any decisions followed by as many undos leave out/codings.csv byte for byte as before.
 */

// The answers are written for this test (after the kind of thing the issue's users said), so the codebook proposes several codes.
const TURNS: [string, string][] = [
  ['Pewawancara', 'Bagaimana pengalaman Ibu mengurus surat lewat antrean online?'],
  ['U1', 'Sekarang saya ambil nomor dari rumah lewat HP, jadi tidak perlu antre dari subuh. Jauh lebih cepat.'],
  ['Pewawancara', 'Apakah aplikasinya mudah dipakai?'],
  ['U1', 'Menurut saya mudah, petunjuknya jelas. Tapi ibu saya tidak bisa pakai aplikasi, harus dibantu anak.'],
  ['Pewawancara', 'Ada kendala lain?'],
  ['U1', 'Server sempat down minggu lalu, dan di desa kami sinyalnya sering hilang. Uji coba dulu di dua kelurahan sebelum dipakai semua.'],
];

const SOURCES = {
  md: 'sources/interviews/w01-warga.md',
  vtt: 'sources/interviews/w02-warga.vtt',
  csv: 'sources/interviews/w03-warga.csv',
  docx: 'sources/interviews/w04-warga.docx',
} as const;
type Format = keyof typeof SOURCES;
const FORMATS = Object.keys(SOURCES) as Format[];

const STUDY_YAML = [
  'title: "Decisions survive edits"',
  'case: "C"',
  'language: id',
  'codebook: builtin:rogers',
  'informants: informants.csv',
  'sources:',
  '  - glob: "sources/interviews/*"',
  '    kind: interview',
  '    informant: U1',
  'coding:',
  '  merge: manual-overrides-auto',
  '',
].join('\n');

/** Each format's file, with `extra` turns before the first. */
function files(extra: string[]): Record<Format, string | Uint8Array> {
  // K1 and U1 in turn: captions by one speaker in a row are one turn, and each inserted line should be a turn of its own.
  const turns: [string, string][] = [...extra.map((t, i): [string, string] => [i % 2 === 0 ? 'K1' : 'U1', t]), ...TURNS];
  const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const time = (i: number) => `00:${String(Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}`;
  return {
    md: `---\nkind: interview\ninformant: U1\ndate: 2024-03-12\n---\n\n${turns.map(([who, said]) => `${who}: ${said}`).join('\n\n')}\n`,
    vtt: `WEBVTT\n\n${turns.map(([who, said], i) => `${i + 1}\n${time(i)}.000 --> ${time(i)}.900\n<v ${who}>${said}`).join('\n\n')}\n`,
    csv: `speaker,text,time\n${turns.map(([who, said], i) => `${who},${csvCell(said)},${time(i)}`).join('\n')}\n`,
    docx: makeDocx(turns.map(([who, said]) => `${who}: ${said}`)),
  };
}

function writeSources(root: string, extra: string[]): void {
  const f = files(extra);
  for (const fmt of FORMATS) {
    const p = join(root, SOURCES[fmt]);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f[fmt]);
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'qia-decisions-survive-'));
let n = 0;
let savedCache: string | undefined;
beforeAll(() => {
  savedCache = process.env['QIA_CACHE_DIR'];
  process.env['QIA_CACHE_DIR'] = join(tmp, 'cache');
});
afterAll(() => {
  if (savedCache === undefined) delete process.env['QIA_CACHE_DIR'];
  else process.env['QIA_CACHE_DIR'] = savedCache;
  rmSync(tmp, { recursive: true, force: true });
});

function freshStudy(): string {
  const root = join(tmp, `s${++n}`);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'study.yaml'), STUDY_YAML);
  writeFileSync(join(root, 'informants.csv'), 'id,label,role,group\nK1,Bpk. AS,head,provider\nU1,Sdr. DF,user,user\n');
  writeSources(root, []);
  return root;
}

interface Coded {
  codings: Coding[];
  auto: Coding[];
  corpus: Corpus;
  diagnostics: Diagnostic[];
}

async function coded(root: string): Promise<Coded> {
  const opened = await openStudy(root);
  const r = await codeStudy(opened, { texts: true });
  return { codings: r.analysis.codings, auto: r.parts.auto, corpus: r.corpus, diagnostics: [...opened.diagnostics, ...r.analysis.diagnostics] };
}

/** Every coding by the words it is on, not by segment number or line: what must not move. */
function byWords(c: Coded): string[] {
  const text = new Map(c.corpus.segments.map((s) => [s.id, s.text]));
  return c.codings
    .map((x) =>
      JSON.stringify([x.sourceId, text.get(x.segmentId), x.quote, x.code, x.valence, x.status, x.origin, x.coder, x.memo ?? null, x.proposed ?? null]),
    )
    .sort();
}

/** A decision about the automatic coding number `pick` (modulo), or a tag on the informant turn number `pick`. */
type Step =
  | { kind: 'accept' | 'reject'; pick: number }
  | { kind: 'recode'; pick: number; to: number; valence?: Valence }
  | { kind: 'valence'; pick: number; valence: Valence }
  | { kind: 'memo'; pick: number; memo: string }
  | { kind: 'tag' | 'add'; pick: number; to: number; valence: Valence };

const valence = fc.constantFrom<Valence>(-1, 0, 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom<'accept' | 'reject'>('accept', 'reject'), pick: fc.nat() }),
  fc.record(
    { kind: fc.constant<'recode'>('recode'), pick: fc.nat(), to: fc.nat(), valence: fc.option(valence, { nil: undefined }) },
    { requiredKeys: ['kind', 'pick', 'to'] },
  ),
  fc.record({ kind: fc.constant<'valence'>('valence'), pick: fc.nat(), valence }),
  fc.record({ kind: fc.constant<'memo'>('memo'), pick: fc.nat(), memo: fc.constantFrom('cek lagi', 'dibantu anak', 'konteks desa') }),
  fc.record({ kind: fc.constantFrom<'tag' | 'add'>('tag', 'add'), pick: fc.nat(), to: fc.nat(), valence }),
);

/** Words no rule of the codebook matches, for the inserted turns. */
const nonsense = fc.array(fc.constantFrom('zork', 'blip', 'quux', 'vorp', 'snerk', 'wib'), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ') + '.');

/** Writes the steps as `qia review` and `qia tag` would; returns the seqs written, in order. */
async function decide(root: string, c: Coded, steps: readonly Step[], codes: readonly string[]): Promise<number[]> {
  // A log opened for each line, as each qia command opens it: qia tag appends to the same file.
  const append: DecisionLogFile['append'] = (d) => new DecisionLogFile(root, 'rina').append(d);
  const segments = new SegmentIndex(c.corpus.segments);
  const sources = new Map(c.corpus.sources.map((s) => [s.id, s]));
  const answers = c.corpus.segments.filter((s) => !s.interviewer);
  const seqs: number[] = [];
  for (const s of steps) {
    if (s.kind === 'tag') {
      const seg = answers[s.pick % answers.length]!;
      const code = codes[s.to % codes.length]!;
      const sign = s.valence > 0 ? '+' : s.valence < 0 ? '-' : '0';
      const last = lastSeq(root);
      await tagOrUntag('tag', [seg.sourceId, String(seg.line), `${code}${sign}`], { study: root, coder: 'rina' });
      // Every line the tag wrote: one add, a remove and an add when it retags, none when it was there already.
      for (let seq = last + 1; seq <= lastSeq(root); seq++) seqs.push(seq);
      continue;
    }
    if (s.kind === 'add') {
      // `a` in qia review: another code on the whole turn.
      const draft: DecisionDraft = { item: answers[s.pick % answers.length]!.id, op: 'add', code: codes[s.to % codes.length]!, valence: s.valence };
      const { item: _, ...rest } = draft;
      seqs.push(append({ ...rest, anchor: anchorFor(draft, segments, sources, c.auto) }));
      continue;
    }
    const target = c.auto[s.pick % c.auto.length]!;
    const draft: DecisionDraft = { item: target.segmentId, op: s.kind, code: target.code };
    if (s.kind === 'recode') {
      draft.to = codes[s.to % codes.length]!;
      if (s.valence !== undefined) draft.valence = s.valence;
    }
    if (s.kind === 'valence') draft.valence = s.valence;
    if (s.kind === 'memo') draft.memo = s.memo;
    const { item: _, ...rest } = draft;
    seqs.push(append({ ...rest, anchor: anchorFor(draft, segments, sources, c.auto) }));
  }
  return seqs;
}

function lastSeq(root: string): number {
  const path = new DecisionLogFile(root, 'rina').path;
  if (!existsSync(path)) return 0;
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  return (JSON.parse(lines.at(-1)!) as { seq: number }).seq;
}

let codes: string[] = [];
beforeAll(async () => {
  const opened = await openStudy(freshStudy());
  codes = opened.codebook.codes.map((c) => c.id);
});

describe('decisions against edited transcripts (md, vtt, csv, docx)', () => {
  it('the sample study gives automatic codings in every format, so the properties below have something to decide on', async () => {
    const c = await coded(freshStudy());
    const perSource = new Set(c.auto.map((x) => x.sourceId));
    expect([...perSource].sort()).toEqual(['interviews/w01-warga', 'interviews/w02-warga', 'interviews/w03-warga', 'interviews/w04-warga']);
    expect(c.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('turns inserted at the top of every transcript: the next run puts every decision and tag on the same words, with the same effect, and warns of nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), fc.array(nonsense, { minLength: 1, maxLength: 3 }), async (steps, inserted) => {
        const root = freshStudy();
        const before = await coded(root);
        await decide(root, before, steps, codes);
        const decided = await coded(root);
        // The decisions did something a user sees, so the comparison below can fail.
        expect(byWords(decided)).not.toEqual(byWords(before));

        writeSources(root, inserted);
        const after = await coded(root);
        // Every segment moved: its number and its lines.
        const firsts = after.corpus.segments.filter((s) => s.text.startsWith('Pewawancara: Bagaimana'));
        expect(firsts.map((s) => [s.sourceId, s.n])).toEqual(['w01', 'w02', 'w03', 'w04'].map((w) => [`interviews/${w}-warga`, inserted.length + 1]));
        expect(byWords(after)).toEqual(byWords(decided));
        expect(after.diagnostics.filter((d) => d.code === 'decision/unanchored' || d.severity === 'error')).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });

  it('a caption cue by the same speaker inserted before a tagged and reviewed one joins its turn: the tag, the added code and the rejection stay on their words', async () => {
    await fc.assert(
      fc.asyncProperty(nonsense, fc.constantFrom<Valence>(-1, 0, 1), async (said, v) => {
        const root = freshStudy();
        const vtt = join(root, SOURCES.vtt);
        // The first cue is U1's answer here, so a cue by U1 put before it becomes part of the same turn.
        const original = `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v U1>${TURNS[1]![1]}\n\n00:00:05.000 --> 00:00:08.000\n<v Pewawancara>${TURNS[2]![1]}\n`;
        writeFileSync(vtt, original);
        const c = await coded(root);
        const auto = c.auto.filter((x) => x.sourceId === 'interviews/w02-warga');
        expect(auto.length).toBeGreaterThan(0);
        await decide(root, c, [{ kind: 'reject', pick: c.auto.indexOf(auto[0]!) }], codes);
        const sign = v > 0 ? '+' : v < 0 ? '-' : '0';
        await tagOrUntag('tag', ['interviews/w02-warga', '4', `compatibility.needs${sign}`], { study: root, coder: 'rina' });
        const answer = c.corpus.segments.findIndex((s) => s.sourceId === 'interviews/w02-warga' && !s.interviewer);
        const answers = c.corpus.segments.filter((s) => !s.interviewer);
        await decide(
          root,
          c,
          [{ kind: 'add', pick: answers.indexOf(c.corpus.segments[answer]!), to: codes.indexOf('observability.media'), valence: v }],
          codes,
        );
        // `m` on the added code: a memo about a coding no rule proposed.
        const seg = c.corpus.segments[answer]!;
        const memo: DecisionDraft = { item: seg.id, op: 'memo', code: 'observability.media', memo: 'dari kanal resmi' };
        const { item: _, ...rest } = memo;
        new DecisionLogFile(root, 'rina').append({
          ...rest,
          anchor: anchorFor(memo, new SegmentIndex(c.corpus.segments), new Map(c.corpus.sources.map((s) => [s.id, s])), c.auto),
        });
        const mine = (x: Coded) =>
          x.codings
            .filter((y) => y.sourceId === 'interviews/w02-warga' && y.status !== 'auto')
            .map((y) => [y.code, y.valence, y.status, y.coder, y.quote, y.memo]);
        const before = mine(await coded(root));
        expect(before).toHaveLength(3);
        expect(before.some((x) => x[5] === 'dari kanal resmi')).toBe(true);

        writeFileSync(vtt, original.replace('WEBVTT\n\n', `WEBVTT\n\n00:00:00.000 --> 00:00:00.500\n<v U1>${said}\n\n`));
        const after = await coded(root);
        expect(after.corpus.segments.find((s) => s.sourceId === 'interviews/w02-warga')!.text).toContain(`${said} ${TURNS[1]![1]}`);
        expect(mine(after)).toEqual(before);
        expect(after.diagnostics.filter((d) => d.code === 'decision/unanchored')).toEqual([]);
      }),
      { numRuns: 5 },
    );
  });

  it('a decision whose words are gone is a warning naming the log file and its line, and is not applied elsewhere', async () => {
    for (const fmt of FORMATS) {
      const root = freshStudy();
      const c = await coded(root);
      const sourceId = SOURCES[fmt].replace(/^sources\//, '').replace(/\.\w+$/, '');
      const target = c.auto.find((x) => x.sourceId === sourceId && x.quote.includes('Server'))!;
      expect(target, `${fmt}: an automatic coding on the server answer`).toBeDefined();
      await decide(root, c, [{ kind: 'memo', pick: 0, memo: 'x' }], codes); // line 1: about another coding
      const log = new DecisionLogFile(root, 'rina');
      const segments = new SegmentIndex(c.corpus.segments);
      const sources = new Map(c.corpus.sources.map((s) => [s.id, s]));
      log.append({
        op: 'reject',
        code: target.code,
        anchor: anchorFor({ item: target.segmentId, op: 'reject', code: target.code }, segments, sources, c.auto),
      });

      // The researcher rewrites the answer in that one file.
      const path = join(root, SOURCES[fmt]);
      const edited = files([])[fmt];
      const answer = TURNS[5]![1];
      writeFileSync(
        path,
        typeof edited === 'string'
          ? edited.replace(answer, 'Tidak ada kendala.')
          : makeDocx(TURNS.map(([w, s]) => `${w}: ${s === answer ? 'Tidak ada kendala.' : s}`)),
      );

      const after = await coded(root);
      const warnings = after.diagnostics.filter((d) => d.code === 'decision/unanchored');
      expect(warnings, fmt).toEqual([
        expect.objectContaining({
          severity: 'warning',
          file: join(root, 'codings/rina.decisions.jsonl'),
          line: 2,
          message: expect.stringContaining(`are not in ${sourceId} any more`),
        }),
      ]);
      expect(after.codings.some((x) => x.sourceId === sourceId && x.status === 'rejected')).toBe(false);
    }
  });

  it('any decisions followed by as many undos leave out/codings.csv byte for byte as it was', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const root = freshStudy();
        await codeCommand([root], {});
        const pristine = readFileSync(join(root, 'out/codings.csv'));

        const seqs = await decide(root, await coded(root), steps, codes);
        await codeCommand([root], {});
        const decided = readFileSync(join(root, 'out/codings.csv'));
        // The decisions changed the file (every step changes a status, a code, a memo or adds a row), so the check below can fail.
        expect(decided.equals(pristine)).toBe(false);

        // Undone newest first, as the review loop's `u` does, each an appended `undo` line.
        const log = new DecisionLogFile(root, 'rina');
        for (const seq of [...seqs].reverse())
          log.append({
            op: 'undo',
            undoes: seq,
            anchor: { source: 'interviews/w01-warga', segment: 'interviews/w01-warga:1', fingerprint: '0000000000000000', line: 1 },
          });
        await codeCommand([root], {});
        expect(readFileSync(join(root, 'out/codings.csv')).equals(pristine)).toBe(true);
      }),
      { numRuns: 12 },
    );
  });
});
