import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/condense/digest.js';
import { parseMemo } from '../../src/study/memos.js';
import { buildDisplay, DISPLAY_TYPES, evidenceMatrix, findCell } from '../../src/display/index.js';
import { renderDigestJson, renderDigestMd } from '../../src/render/digest.js';
import { MATRIX_FORMATS, renderMatrix, type MatrixFormat } from '../../src/render/index.js';
import { fixtureAnalysis, STUDY_DIR } from '../fixtures/displays/analysis.js';

/**
 * Golden files: the displays of the fixture study, one file per display and format. After a
 * deliberate change, refresh with `UPDATE_GOLDEN=1 npx vitest run test/display` and review the diff.
 */
const GOLDEN = fileURLToPath(new URL('../fixtures/displays/golden/', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const EXT: Record<MatrixFormat, string> = { table: 'txt', md: 'md', csv: 'csv', json: 'json', html: 'html' };

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    if (!UPDATE) throw new Error(`golden file ${name} was missing and has been written; rerun`);
    return;
  }
  expect(actual, `${name} differs; run with UPDATE_GOLDEN=1 to accept`).toBe(readFileSync(file, 'utf8'));
}

const a = fixtureAnalysis();

describe('golden displays', () => {
  for (const type of DISPLAY_TYPES) {
    for (const format of MATRIX_FORMATS) {
      it(`${type}.${format}`, () => golden(`${type}.${EXT[format]}`, renderMatrix(format, buildDisplay(type, a), { width: 100 })));
    }
    it(`${type} in English (md)`, () => golden(`${type}.en.md`, renderMatrix('md', buildDisplay(type, a, { lang: 'en' }))));
  }

  it('evidence behind role staff × complexity', () => {
    const m = buildDisplay('role', a);
    const e = evidenceMatrix(a, m, findCell(m, 'staff', 'complexity')!);
    golden('cell-role-staff-complexity.txt', renderMatrix('table', e, { width: 100 }));
    golden('cell-role-staff-complexity.csv', renderMatrix('csv', e));
  });

  it('evidence behind a document cell keeps a formula-like quote inert in CSV', () => {
    const m = buildDisplay('method', a);
    const e = evidenceMatrix(a, m, findCell(m, 'document', 'observability')!);
    const csv = renderMatrix('csv', e);
    expect(csv).toContain(`"'=SUM(A1:A3) tercatat sebagai catatan kaki pada lembar rekap asli, ""disalin apa adanya""."`);
    golden('cell-method-document-observability.csv', csv);
  });

  it('digest (md and json), with the study’s memos', () => {
    const memo = parseMemo('memos/kerumitan.md', readFileSync(join(STUDY_DIR, 'memos/kerumitan.md'), 'utf8'), a.codebook).memo!;
    const d = buildDigest(a, { memos: [memo] });
    golden('digest.md', renderDigestMd(d));
    golden('digest.json', renderDigestJson(d));
    golden('digest.en.md', renderDigestMd(buildDigest(a, { memos: [memo], lang: 'en' })));
  });
});
