import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/cli.js';

// bench/fallback-experiment.js: issue 18's experiment with a learnt fallback for passages no rule
// places. Its "rules" rows must be the coder's own figures (the same readings bench/accuracy.js
// scores), or every comparison it prints is against the wrong baseline.
type Fig = { macroF1: number; top1: number; among: number; noneKeptEmpty: number; asAuthors: { passages: number; among: number } };
type Hit = { unplaced: number; right: number; majority: number; noneUnplaced: number };
type Out = {
  seeds: { hit: Hit; variants: Record<string, Fig>; detail: { id: string; label: string; favoured: string }[] };
  samples: { hit: Record<string, Hit>; variants: Record<string, { per: number[]; pooled: number }> };
  models: { name: string; seedsUnplaced: Hit; samplesUnplaced: Hit }[];
};

const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bench', script), ...args], { encoding: 'utf8' });

describe('bench/fallback-experiment.js', () => {
  it('scores the rules as bench/accuracy.js does, and a fallback that codes every unplaced passage leaves none uncoded', { timeout: 180_000 }, async () => {
    const r = run('fallback-experiment.js', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    // Only development passages: none of the held-out part (hash 0–4) is ever coded or listed.
    const { seedSegments } = (await import(pathToFileURL(join(ROOT, 'bench/lib/seeds.js')).href)) as {
      seedSegments: () => Promise<{ seg: { id: string }; heldOut: boolean }[]>;
    };
    const held = new Set((await seedSegments()).filter((x) => x.heldOut).map((x) => x.seg.id));
    expect(held.size).toBeGreaterThan(0);
    expect(out.seeds.detail.length).toBeGreaterThan(0);
    for (const d of out.seeds.detail) expect(held.has(d.id)).toBe(false);
    expect(r.stdout).not.toMatch(/held.?out part|HELD OUT/);

    const seeds = JSON.parse(run('accuracy.js', '--seeds', '--json').stdout) as {
      development: { all: { macroF1: number; top1: number; among: number }; asAuthors: { among: number } };
    };
    const rules = out.seeds.variants['rules']!;
    expect(rules.macroF1).toBeCloseTo(seeds.development.all.macroF1, 10);
    expect(rules.top1).toBeCloseTo(seeds.development.all.top1, 10);
    expect(rules.among).toBeCloseTo(seeds.development.all.among, 10);
    expect(rules.asAuthors.among).toBeCloseTo(seeds.development.asAuthors.among, 10);

    const all = JSON.parse(run('accuracy.js', '--all', '--json').stdout) as { pooled: { macro: { f1: number } } };
    expect(out.samples.variants['rules@0']!.pooled).toBeCloseTo(all.pooled.macro.f1, 10);

    // A fallback only adds codes where none was counted: among codes never falls, and "always"
    // codes every passage the rules left empty.
    for (const v of ['always', 'gated', 'lr always', 'lr gated']) expect(out.seeds.variants[v]!.among).toBeGreaterThanOrEqual(rules.among);
    expect(out.seeds.variants['always']!.noneKeptEmpty).toBe(0);
    expect(rules.noneKeptEmpty).toBeGreaterThan(0);

    // The unplaced attribute passages it lists are the ones counted, each with a proposal.
    expect(out.seeds.detail).toHaveLength(out.seeds.hit.unplaced);
    for (const d of out.seeds.detail) expect(['relative_advantage', 'compatibility', 'complexity', 'trialability', 'observability']).toContain(d.favoured);
    expect(out.models).toHaveLength(7);
    for (const m of out.models) {
      expect(m.samplesUnplaced.unplaced).toBe(out.samples.hit['0.2']!.unplaced);
      expect(m.samplesUnplaced.right).toBeLessThanOrEqual(m.samplesUnplaced.unplaced);
    }
  });
});
