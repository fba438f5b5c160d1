import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/compare/model.js';
import { narrate } from '../../src/compare/narrative.js';
import { ROOT } from '../helpers/cli.js';

const c = JSON.parse(readFileSync(join(ROOT, 'test/golden-compare/four/compare.json'), 'utf8')) as Comparison;

describe('the narrative of the four samples', () => {
  it('cites, for each attribute, the cases and the counts the displays hold, and nothing else', () => {
    const sentences = narrate(c);
    for (const row of c.stability.filter((r) => r.group !== 'obstacle')) {
      const s = sentences.find((x) => x.startsWith(`${row.label} is `));
      expect(s, row.code).toBeDefined();
      expect(s).toContain(`in ${row.holds} of ${c.cases.length} cases`);
      for (const cell of c.metaMatrix.cells.filter((x) => x.code === row.code)) {
        expect(s).toContain(cell.case);
        // The counts quoted after a case are that case's own.
        const quoted = new RegExp(`${cell.case} \\(?([+−\\d ]+)\\)?`).exec(s!)![1]!.trim();
        const pos = /\+(\d+)/.exec(quoted)?.[1];
        const neg = /−(\d+)/.exec(quoted)?.[1];
        expect(Number(pos ?? 0)).toBe(cell.counts.positive);
        expect(Number(neg ?? 0)).toBe(cell.counts.negative);
      }
      for (const f of row.flips) expect(s).toContain(`in ${f.case}`);
    }
  });

  it('names only cases that are compared and ends by bounding its claims', () => {
    const sentences = narrate(c);
    const ids = new Set(c.cases.map((k) => k.id));
    for (const s of sentences)
      for (const m of s.matchAll(/\b([a-z]+(?:-[a-z]+)+)\b/g)) expect(ids.has(m[1]!) || !/-(asik|en|service|lampung)$/.test(m[1]!), m[1]).toBe(true);
    expect(sentences.at(-1)).toBe('These patterns describe only the 4 cases compared and the coded evidence in them; they are not a sample of any population.');
    const obstacles = sentences.filter((s) => s.startsWith('The obstacle '));
    for (const s of obstacles) {
      const o = c.obstacles.find((x) => s.startsWith(`The obstacle ${x.label} `))!;
      expect(s).toContain(`found in ${o.foundIn.length} of 4 cases (${o.foundIn.join(', ')}), with ${o.totalNegative} pieces`);
    }
    expect(obstacles.length).toBeGreaterThan(0);
  });

  it('in Indonesian too, with the same counts', () => {
    const id = narrate({ ...c, lang: 'id' });
    expect(id[0]).toBe(`4 kasus dibandingkan pada ${c.codes.length} kode yang sama di semua buku kode.`);
    expect(id.at(-1)).toContain('bukan sampel dari suatu populasi');
  });
});
