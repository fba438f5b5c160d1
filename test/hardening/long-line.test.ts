import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { autoCoding, MAX_QUOTE_CHARS } from '../../src/coding/auto.js';
import type { Segment } from '../../src/model/segment.js';
import { BIN } from '../helpers/cli.js';

/**
 * Issue 17, defect 5: one 50 MB line crashed `qia run` (`Invalid string length`, or 4.3 GB and
 * an out-of-memory abort with --jobs 1): every coding quoted the whole turn. Here a 3 MB line,
 * one turn without a full stop, dense with the default codebook's words: every quote is a
 * window of at most MAX_QUOTE_CHARS, so the outputs stay the size of a normal study's.
 */

const WORDS =
  'waktu proses cepat lama antre menunggu hemat biaya murah tidak sudah bisa lebih mudah dulu sekarang sesuai kebiasaan senang layanan tapi sulit bingung manfaat server down aplikasi'.split(
    ' ',
  );

function line(chars: number): string {
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const out: string[] = [];
  for (let n = 0; n < chars;) {
    const w = WORDS[Math.floor(random() * WORDS.length)]!;
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ');
}

describe('one enormous line', () => {
  it('is coded and reported with every quote a window, not the line', { timeout: 90_000 }, () => {
    const root = join(mkdtempSync(join(tmpdir(), 'qia-long-line-')), 'study');
    mkdirSync(join(root, 'sources'), { recursive: true });
    writeFileSync(
      join(root, 'study.yaml'),
      'title: One line\ncase: C\nlanguage: id\ncodebook: builtin:rogers\ninformants: informants.csv\nsources:\n  - glob: "sources/*"\n    kind: interview\n',
    );
    writeFileSync(join(root, 'informants.csv'), 'id,label,role,group\nU1,Rina,user,user\n');
    const text = line(3_000_000);
    writeFileSync(join(root, 'sources/one.md'), `---\ninformant: U1\n---\n\nP: Apakah aplikasinya mudah digunakan?\n\nU1: Ya, ${text}\n`);
    const r = spawnSync(process.execPath, [BIN, 'run', root, '--jobs', '1', '--out', join(root, 'out')], {
      encoding: 'utf8',
      timeout: 80_000,
      maxBuffer: 1 << 26,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stderr).not.toMatch(/error|internal/);
    expect(r.status).toBe(0);
    const rows = parse(readFileSync(join(root, 'out/codings.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row['quote']!.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
      expect(row['quote']!.length).toBeGreaterThan(0);
      // A window is cut at spaces: it begins and ends with whole words of the line.
      expect(text).toContain(row['quote']!.replace(/^Ya, /, ''));
      expect(WORDS).toContain(row['quote']!.split(' ').at(-1));
    }
    // Nothing written holds the line over and over: the whole output set is a few MB at most.
    const total = readdirSync(join(root, 'out')).reduce((n, f) => n + statSync(join(root, 'out', f)).size, 0);
    expect(total).toBeLessThan(8 * 1024 * 1024);
  });

  it('cuts a coding whose span is a whole long answer (a question-context coding) from the answer’s start', () => {
    const text = 'P: Apakah mudah?\n\nU1: ' + line(2_000_000);
    const start = text.indexOf('U1: ') + 4;
    const seg = { id: 's:3', sourceId: 's' } as Segment;
    const question = { ruleId: 'question-context', span: { start: 3, end: 16 }, text: 'Apakah mudah?' };
    const c = autoCoding(seg, { code: 'complexity', valence: 1, matches: [question], cues: [], score: 1 }, { start, end: text.length }, text, 0);
    expect(c.span.start).toBe(start);
    expect(c.span.end - c.span.start).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
    expect(c.span.end - c.span.start).toBeGreaterThan(MAX_QUOTE_CHARS - 20);
    expect(c.quote).toBe(text.slice(c.span.start, c.span.end));
    expect(text[c.span.end]).toBe(' ');
  });
});
