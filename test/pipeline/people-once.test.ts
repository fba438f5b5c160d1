import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * Reading a study must cost sources + informants, not sources × informants (issue 22): the table
 * of every informant's keys is made once per run (shared-people.ts) and each source's speaker
 * resolver reads it. Counted, not timed: a source that rebuilt the table would make it again, or
 * call informantKeys on the informants, once per source.
 */
const calls = vi.hoisted(() => ({ table: 0, keys: 0 }));
vi.mock('../../src/pipeline/shared-people.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/pipeline/shared-people.js')>();
  return {
    ...actual,
    sharedPeopleData: (...args: Parameters<typeof actual.sharedPeopleData>) => {
      calls.table++;
      return actual.sharedPeopleData(...args);
    },
  };
});
vi.mock('../../src/segment/labels.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/segment/labels.js')>();
  return {
    ...actual,
    informantKeys: (...args: Parameters<typeof actual.informantKeys>) => {
      calls.keys++;
      return actual.informantKeys(...args);
    },
  };
});

const { codeStudy } = await import('../../src/pipeline/run.js');
const { openStudy } = await import('../../src/study/open.js');

describe('informant resolution', () => {
  it('is built once for a study of many sources, whatever their number', async () => {
    const study = join(mkdtempSync(join(tmpdir(), 'qia-people-')), 'study');
    cpSync(join(ROOT, 'samples/lapak-asik'), study, { recursive: true });
    // Twenty more transcripts, each naming its speakers by informant label.
    const informants = readFileSync(join(study, 'informants.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]!);
    for (let i = 0; i < 20; i++) {
      const id = informants[i % informants.length]!;
      writeFileSync(
        join(study, 'sources/interviews', `extra-${i}.md`),
        `---\ninformant: ${id}\n---\nP: Bagaimana pengalaman Anda?\n\n${id}: Aplikasinya lebih cepat dan sangat membantu.\n`,
      );
    }
    const opened = await openStudy(study);
    calls.table = 0;
    calls.keys = 0;
    const coded = await codeStudy(opened, { jobs: 1 });
    expect(coded.analysis.sources.length).toBeGreaterThan(20);
    expect(calls.table).toBe(1);
    expect(calls.keys).toBe(0);
  });
});
