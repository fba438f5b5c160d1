import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/condense/digest.js';
import { parseMemo } from '../../src/study/memos.js';
import { buildDisplay, DISPLAY_TYPES, evidenceMatrix, findCell } from '../../src/display/index.js';
import type { Analysis } from '../../src/model/index.js';
import { analyseStudy } from '../helpers/study.js';
import { renderDigestMd } from '../../src/render/digest.js';
import { renderMatrix } from '../../src/render/index.js';
import { STUDY_DIR } from '../fixtures/displays/analysis.js';

/**
 * The same fixture study run through the real pipeline (reading, segmenting, the Rogers
 * codebook's matcher, merging). These goldens move when the codebook or the matcher changes:
 * review the diff, then refresh with `UPDATE_GOLDEN=1 npx vitest run test/display`.
 */
const GOLDEN = fileURLToPath(new URL('../fixtures/displays/golden/pipeline/', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    if (!UPDATE) throw new Error(`golden file pipeline/${name} was missing and has been written; rerun`);
    return;
  }
  expect(actual, `pipeline/${name} differs; review, then UPDATE_GOLDEN=1 to accept`).toBe(readFileSync(file, 'utf8'));
}

let a: Analysis;
beforeAll(async () => {
  a = await analyseStudy(STUDY_DIR);
});

describe('golden displays through the real pipeline', () => {
  it('codes the fixture study without errors', () => {
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.codings.length).toBeGreaterThan(10);
  });

  for (const type of DISPLAY_TYPES) {
    it(`${type}.md`, () => golden(`${type}.md`, renderMatrix('md', buildDisplay(type, a))));
  }

  it('every cell of every display links to real segments, and counts match', () => {
    const segs = new Map(a.segments.map((s) => [s.id, s]));
    for (const type of DISPLAY_TYPES) {
      for (const cell of buildDisplay(type, a).cells) {
        expect(cell.count).toBe(cell.refs.length);
        for (const r of cell.refs) {
          const s = segs.get(r.segmentId)!;
          expect(s, `${type} ${r.segmentId}`).toBeDefined();
          expect(r.line).toBeGreaterThanOrEqual(s.line);
          expect(r.endLine).toBeLessThanOrEqual(s.endLine);
        }
      }
    }
  });

  it('evidence behind role staff × obstacle_internal (csv)', () => {
    const m = buildDisplay('role', a);
    golden('cell-role-staff-obstacle_internal.csv', renderMatrix('csv', evidenceMatrix(a, m, findCell(m, 'staff', 'obstacle_internal')!)));
  });

  it('digest.md', () => {
    const memo = parseMemo('memos/kerumitan.md', readFileSync(join(STUDY_DIR, 'memos/kerumitan.md'), 'utf8'), a.codebook).memo!;
    golden('digest.md', renderDigestMd(buildDigest(a, { memos: [memo] })));
  });
});
