import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDecisionLog } from '../../src/coding/decision-log.js';
import { parseManualCsv } from '../../src/coding/manual.js';
import { parseReview } from '../../src/coding/review-file.js';
import { parseCodebook } from '../../src/codebook/parse.js';
import { readCaptions } from '../../src/sources/captions.js';
import { readCsvTurns } from '../../src/sources/csv-turns.js';
import { readDocx } from '../../src/sources/docx.js';
import { readTextFile } from '../../src/sources/text-file.js';
import { segmentSource } from '../../src/segment/segment.js';
import { parseInformants } from '../../src/study/informants.js';
import { loadStudy } from '../../src/study/load.js';
import { Diagnostics } from '../../src/util/diagnostics.js';
import { lineStarts } from '../../src/util/lines.js';
import type { Source } from '../../src/model/source.js';
import { qia } from '../helpers/cli.js';
import { makeDocx } from '../sources/helpers.js';

/**
 * Fuzzing every parser that meets a researcher's (or a stranger's) files: random and mutated
 * inputs must give a result or diagnostics, never an exception, a hang, or a span off the text.
 * Bounded in `npm test`; `npm run fuzz` runs the same properties longer (QIA_FUZZ=N multiplies
 * the runs) and prints how many cases ran.
 */

const SCALE = Math.max(1, Number(process.env['QIA_FUZZ'] ?? 1));
const runs = (n: number) => ({ numRuns: Math.round(n * SCALE) });
let cases = 0;
afterAll(() => {
  if (SCALE > 1) console.log(`fuzz: ${cases} cases`);
});

/** Text shaped like the files qia reads: labels, fences, quotes, separators, odd characters. */
const PIECES = [
  '---\n',
  'informant: U1\n',
  'P: ',
  'I: ',
  'Bu Rina: ',
  '[00:01:02] ',
  '**K1:** ',
  '\n\n',
  '\n',
  '"',
  '""',
  ',',
  ';',
  '\t',
  '{{complexity+}}',
  '{{/}}',
  '-->',
  'WEBVTT\n\n',
  '00:00:01.000 --> 00:00:02.000\n',
  '<v P>',
  '\uFEFF',
  '\r\n',
  'é',
  '👍',
  '\u0000',
  '\u001b[2J',
  'mudah sekali',
  'tidak ribet',
  'server down',
];
const texty = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 40 })
  .map((p) => p.join(''));
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function spansInside(r: { text: string; blocks?: { span: { start: number; end: number } }[] }): void {
  for (const b of r.blocks ?? []) {
    expect(b.span.start).toBeGreaterThanOrEqual(0);
    expect(b.span.end).toBeLessThanOrEqual(r.text.length);
    expect(b.span.start).toBeLessThanOrEqual(b.span.end);
  }
}

describe('fuzz: source readers and the segmenter', () => {
  it('text and Markdown files (front matter, inline tags, labels) read and segment without throwing; segments lie on the text', async () => {
    await fc.assert(
      fc.asyncProperty(texty, fc.uint8Array({ maxLength: 64 }), async (text, noise) => {
        cases++;
        for (const bytes of [bytesOf(text), noise]) {
          const r = await readTextFile(bytes, { frontMatter: true });
          spansInside(r);
          const source: Source = {
            id: 'f',
            path: 'sources/f.md',
            format: 'md',
            kind: 'interview',
            text: r.text,
            meta: {},
            hash: '',
            bytes: bytes.length,
            bodyLine: r.bodyLine,
            lineStarts: lineStarts(r.text),
          };
          for (const seg of segmentSource(source, [{ id: 'U1', label: 'Sdr U', role: 'user', group: 'user', attrs: {}, line: 2 }], 'id')) {
            expect(r.text.slice(seg.span.start, seg.span.end)).toBe(seg.text);
            expect(seg.body.start).toBeGreaterThanOrEqual(seg.span.start);
            expect(seg.body.end).toBeLessThanOrEqual(seg.span.end);
          }
        }
      }),
      runs(150),
    );
  });

  it('captions and turn tables read without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(texty, async (text) => {
        cases++;
        spansInside(await readCaptions(bytesOf(text)));
        spansInside(await readCsvTurns(bytesOf(text)));
        spansInside(await readCsvTurns(bytesOf('speaker,text\n' + text)));
      }),
      runs(150),
    );
  });

  it('Word files with random paragraphs, and random bytes named .docx, give text or a diagnostic', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(texty, { maxLength: 6 }), fc.uint8Array({ maxLength: 200 }), async (paragraphs, junk) => {
        cases++;
        spansInside(await readDocx(makeDocx(paragraphs)));
        const r = await readDocx(junk);
        expect(r.text === '' ? r.problems.length : 1).toBeGreaterThan(0);
      }),
      runs(25),
    );
  });
});

describe('fuzz: researcher files', () => {
  it('coder files, the review file and decision logs: every row read or reported, with a line inside the file', () => {
    fc.assert(
      fc.property(texty, (text) => {
        cases++;
        for (const parse of [
          (d: Diagnostics) => parseManualCsv('source,segment,quote,code,valence,coder,memo\n' + text, 'c.csv', 'rina', d),
          (d: Diagnostics) => parseReview('segment,code,decision,note\n' + text, 'r.csv', d),
          (d: Diagnostics) => parseDecisionLog(text, 'rina.decisions.jsonl', d),
        ]) {
          const d = new Diagnostics();
          parse(d);
          const lines = text.split('\n').length + 1;
          for (const x of d.items) if (x.line !== undefined) expect(x.line).toBeLessThanOrEqual(lines + 1);
        }
      }),
      runs(300),
    );
  });

  it('informants files of any bytes', () => {
    fc.assert(
      fc.property(fc.oneof(texty.map(bytesOf), fc.uint8Array({ maxLength: 80 })), (bytes) => {
        cases++;
        parseInformants(bytes, 'informants.csv', new Diagnostics());
      }),
      runs(300),
    );
  });

  it('codebooks: random YAML gives a codebook or located diagnostics, never an exception', () => {
    const yamlish = fc
      .array(
        fc.constantFrom(
          'id: cb\n',
          'codes:\n',
          '  - id: complexity\n',
          '    label: {id: K, en: C}\n',
          '    rules:\n',
          '      - terms: [mudah, "tidak ribet", kendala*]\n',
          '      - regex: "(a+)+"\n',
          '      - near: [[server], [down]]\n        window: 3\n',
          '    valence: {inverted: true, more: [sulit]}\n',
          'languages: [id, en]\n',
          '&a x\n',
          '*a\n',
          '- - -\n',
          ': :\n',
        ),
        { maxLength: 14 },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(yamlish, texty), (text) => {
        cases++;
        const r = parseCodebook(text, 'cb.yaml');
        for (const d of r.diagnostics) expect(d.code).toMatch(/^[a-z-]+\/[a-z-]+$/);
      }),
      runs(200),
    );
  });
});

describe('fuzz: study.yaml and the whole pipeline, worker threads included', () => {
  const work = mkdtempSync(join(tmpdir(), 'qia-fuzz-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('random study.yaml files load or give diagnostics', async () => {
    const keys = fc.array(
      fc.constantFrom(
        'title: T\n',
        'case: C\n',
        'language: xx\n',
        'codebook: nope.yaml\n',
        'sources:\n  - glob: "../*"\n',
        'coding: {merge: nonsense, count: x}\n',
        'verdicts: {min_codings: -1}\n',
        'limits: {docx_mb: 0}\n',
        'report: [1]\n',
        'informants: /dev/null\n',
        '{{\n',
      ),
      { maxLength: 8 },
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          keys.map((k) => k.join('')),
          texty,
        ),
        async (yaml) => {
          cases++;
          const dir = join(work, `y${n++}`);
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, 'study.yaml'), yaml);
          writeFileSync(join(dir, 'informants.csv'), 'id,label,role,group\n');
          const r = await loadStudy(dir);
          for (const d of r.diagnostics) expect(d.code).toMatch(/^[a-z-]+\/[a-z-]+$/);
        },
      ),
      runs(60),
    );
  });

  it('qia code on random transcripts, on one thread and on two, never crashes and gives the same codings', () => {
    fc.assert(
      fc.property(fc.array(texty, { minLength: 2, maxLength: 4 }), (texts) => {
        cases++;
        const dir = mkdtempSync(join(work, 's'));
        mkdirSync(join(dir, 'sources/interviews'), { recursive: true });
        writeFileSync(join(dir, 'study.yaml'), 'title: T\ncase: C\n');
        writeFileSync(join(dir, 'informants.csv'), 'id,label,role,group\nU1,U,user,user\n');
        texts.forEach((t, i) => writeFileSync(join(dir, `sources/interviews/t${i}.md`), t));
        const one = qia(['code', dir, '--format', 'csv', '--jobs', '1'], { env: { QIA_NO_CACHE: '1' } });
        const two = qia(['code', dir, '--format', 'csv', '--jobs', '2'], { env: { QIA_NO_CACHE: '1' } });
        expect(one.stderr).not.toContain('[internal]');
        expect([0, 1]).toContain(one.status);
        expect(two.stdout).toBe(one.stdout);
      }),
      runs(2),
    );
  }, 600_000);
});
