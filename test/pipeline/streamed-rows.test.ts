import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qia, ROOT } from '../helpers/cli.js';

/**
 * `qia code`'s summary run writes codings.csv as the sources are coded (pipeline/stream.ts),
 * where `--format csv` (and --explain, --format json) keep every coding and write at the end.
 * Both must write the same file, byte for byte, with workers that finish files out of order: a
 * large transcript first in id order among many small ones, ids whose order is not the paths'
 * (`w-a.md` before `w.md` by path, after it by id), two files with one id, a source a coder file
 * names (kept whole and merged at the end, so the rows after it wait in a temporary file).
 */
let study: string;

beforeAll(() => {
  study = join(mkdtempSync(join(tmpdir(), 'qia-streamed-')), 'study');
  cpSync(join(ROOT, 'samples/lapak-asik'), study, { recursive: true });
  rmSync(join(study, 'codings'), { recursive: true });
  mkdirSync(join(study, 'codings'));
  const dir = join(study, 'sources/interviews');
  const mds = readdirSync(dir).filter((f) => f.endsWith('.md'));
  const text = (f: string) => readFileSync(join(dir, f), 'utf8');
  // Many small files, each a copy of a transcript under a new name.
  for (let k = 0; k < 40; k++) writeFileSync(join(dir, `x${String(k).padStart(2, '0')}.md`), text(mds[k % mds.length]!));
  writeFileSync(join(dir, 'w.md'), text(mds[0]!));
  writeFileSync(join(dir, 'w-a.md'), text(mds[1]!));
  writeFileSync(join(dir, 'x05.txt'), text(mds[2]!)); // the id of x05.md: an error, x05.md kept
  // A transcript a hundred times as long as the others, first of all by id.
  const [head, body] = splitFrontMatter(text(mds[3]!));
  writeFileSync(join(dir, 'a-long.md'), head + Array.from({ length: 100 }, () => body).join('\n'));
  writeFileSync(join(study, 'codings/coder-a.csv'), 'source,segment,quote,code,valence,coder,memo\ninterviews/x20,interviews/x20:3,,complexity,-,,\n');
});

function splitFrontMatter(t: string): [string, string] {
  const end = t.indexOf('\n---', 4) + 4;
  return [t.slice(0, end), t.slice(end)];
}

describe('codings.csv written source by source', () => {
  it('is the file that keeping every coding writes, with threads finishing out of order', () => {
    const kept = qia(['code', study, '--format', 'csv', '--jobs', '1', '--out', join(study, 'kept')]);
    const streamed = qia(['code', study, '--jobs', '3', '--out', join(study, 'streamed')]);
    const here = qia(['code', study, '--jobs', '1', '--out', join(study, 'here')]);
    for (const r of [kept, streamed, here]) expect(r.stderr).toContain('source/duplicate-id');
    expect(streamed.stderr).toBe(here.stderr);
    const csv = readFileSync(join(study, 'kept/codings.csv'), 'utf8');
    const ids = [
      ...new Set(
        csv
          .split('\r\n')
          .slice(1)
          .map((l) => l.split(',')[1])
          .filter(Boolean),
      ),
    ];
    expect(ids.find((id) => id.startsWith('interviews/'))).toBe('interviews/a-long');
    expect(ids.indexOf('interviews/w')).toBeLessThan(ids.indexOf('interviews/w-a'));
    expect(ids.length).toBeGreaterThan(45);
    expect(readFileSync(join(study, 'streamed/codings.csv'), 'utf8')).toBe(csv);
    expect(readFileSync(join(study, 'here/codings.csv'), 'utf8')).toBe(csv);
    expect(streamed.stdout).toBe(here.stdout.replace(join(study, 'here'), join(study, 'streamed')));
    expect(streamed.stdout).toMatch(/koding dalam \d+ segmen dari 58 sumber: \d+ otomatis \(\d+ belum ditinjau\), 1 manual/);
  }, 180_000);
});
