import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qia, ROOT } from '../helpers/cli.js';

const SAMPLES = ['imigrasi-lampung', 'lapak-asik', 'library-en', 'mobile-service'];
const work = mkdtempSync(join(tmpdir(), 'qia-compare-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of some samples in a fresh folder, so a test may break or change one. */
function copies(name: string, samples: readonly string[]): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const s of samples) cpSync(join(ROOT, 'samples', s), join(dir, s), { recursive: true, filter: (p) => !p.includes('/out') });
  return dir;
}

interface ComparisonJson {
  cases: Array<{ id: string; case: string; variables: Record<string, string | number> }>;
  codes: Array<{ id: string }>;
  refused: Array<{ code: string; differs: string[]; meanings: Array<{ case: string; inverted: boolean }> }>;
  metaMatrix: { columns: string[]; cells: Array<{ case: string; code: string; counts: { positive: number } }> };
  ordered: { rows: Array<{ case: string; value: number | string | null }> };
}

describe('qia compare on the four samples', () => {
  it('--format json names every study and exits 0 (the contract)', () => {
    const r = qia(['compare', ...SAMPLES.map((s) => `samples/${s}`), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout) as ComparisonJson;
    expect(c.cases.map((k) => k.id).sort()).toEqual(SAMPLES);
    for (const k of c.cases) expect(k.case.length).toBeGreaterThan(0);
    expect(c.metaMatrix.columns).toEqual([
      'relative_advantage',
      'compatibility',
      'complexity',
      'trialability',
      'observability',
      'obstacle_internal',
      'obstacle_external',
    ]);
    expect(c.metaMatrix.cells).toHaveLength(4 * 7);
  });

  it('expands a quoted glob itself and gives the same bytes whatever order the studies are named in', () => {
    const a = qia(['compare', 'samples/*', '--format', 'json']);
    const b = qia(['compare', ...[...SAMPLES].reverse().map((s) => `samples/${s}`), 'nothing/*', '--format', 'json', '--jobs', '1']);
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toBe('qia: warning: nothing/* matches no folder [compare/no-match]\n');
    expect(b.status).toBe(0);
  });

  it('csv keeps every count in a numeric column, never as +3 −8 text', () => {
    const r = qia(['compare', 'samples/*', '--format', 'csv']);
    const [header, ...rows] = r.stdout.trim().split('\n');
    const cols = header!.split(',');
    const at = (k: string) => cols.indexOf(k);
    for (const row of rows) {
      // Case labels hold commas inside quotes: read from the right, where the counts are fixed columns.
      const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((x) => x.replace(/,$/, ''));
      for (const k of ['positive', 'negative', 'neutral', 'total', 'informants', 'sources']) expect(cells[at(k)]).toMatch(/^\d+$/);
    }
    expect(r.stdout).not.toMatch(/[+−]\d+ [−·]/);
  });

  it('--cell case,code shows the witnesses and quotes behind one cell', () => {
    const r = qia(['compare', 'samples/*', '--cell', 'lapak-asik,complexity', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('lapak-asik (LAPAK ASIK');
    expect(r.stdout).toMatch(/interviews\/w0\d-[a-z-]+:\d+/);
    expect(r.stdout).toContain('Informants: K1');
    expect(qia(['compare', 'samples/*', '--cell', 'nowhere,complexity']).status).toBe(2);
  });
});

describe('a batch with a broken study', () => {
  it('names it, leaves it out, compares the others and exits 1', () => {
    const dir = copies('broken', ['lapak-asik', 'library-en']);
    mkdirSync(join(dir, 'rusak'));
    writeFileSync(join(dir, 'rusak', 'study.yaml'), 'title: [unclosed\n');
    const r = qia(['compare', 'lapak-asik', 'library-en', 'rusak', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('rusak: error: study rusak could not be analysed and is left out of the comparison [compare/study-left-out]');
    expect(r.stderr).toMatch(/rusak\/study\.yaml:\d+:\d+: error: study\.yaml is not valid YAML/);
    const c = JSON.parse(r.stdout) as ComparisonJson;
    expect(c.cases.map((k) => k.id)).toEqual(['lapak-asik', 'library-en']);
  });

  it('with no study left, says so and exits 1 without output', () => {
    const dir = join(work, 'only-broken');
    mkdirSync(join(dir, 'a'), { recursive: true });
    const r = qia(['compare', 'a'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('[compare/no-study]');
    expect(r.stderr).toContain('a: error: study a could not be analysed');
  });
});

describe('a worker thread that dies', () => {
  // QIA_TEST_CRASH_STUDY (src/compare/worker.ts) kills the thread sent that study: by an
  // uncaught error, or with `:exit` by ending the thread. Both must cost that study only.
  for (const how of ['throw', 'exit'] as const) {
    it(`(${how}) names the study, compares the others, writes whole output and exits 1`, () => {
      const dir = copies(`crash-${how}`, ['lapak-asik', 'library-en', 'mobile-service']);
      const env = { QIA_TEST_CRASH_STUDY: how === 'exit' ? 'library-en:exit' : 'library-en' };
      // A hang would be killed by the timeout and fail on the status below.
      const r = qia(['compare', '*', '--jobs', '2', '--out', 'banding'], { cwd: dir, env, timeout: 120_000 });
      expect(r.status, r.stderr).toBe(1);
      const why = how === 'exit' ? 'exit code 70' : 'QIA_TEST_CRASH_STUDY: the thread analysing library-en crashed on purpose';
      expect(r.stderr).toContain(`library-en: error: the thread analysing study library-en stopped: ${why} [compare/worker-failed]`);
      expect(r.stderr).toContain('library-en: error: study library-en could not be analysed and is left out of the comparison [compare/study-left-out]');
      expect(r.stderr).not.toMatch(/lapak-asik: error|mobile-service: error/);
      // The comparison of the other two, whole: the same bytes as comparing them alone.
      const alone = qia(['compare', 'lapak-asik', 'mobile-service', '--format', 'json'], { cwd: dir });
      expect(alone.status).toBe(0);
      expect(readFileSync(join(dir, 'banding', 'compare.json'), 'utf8')).toBe(alone.stdout.replace(/\n?$/, '\n'));
      expect(readdirSync(join(dir, 'banding')).sort()).toEqual([
        'compare-meta.csv',
        'compare-obstacles.csv',
        'compare-ordered.csv',
        'compare-roles.csv',
        'compare-stability.csv',
        'compare.html',
        'compare.json',
        'compare.md',
      ]);
      // No staging folder or other half-written thing left beside it.
      expect(readdirSync(dir).sort()).toEqual(['banding', 'lapak-asik', 'library-en', 'mobile-service']);
      // On stdout, a whole JSON comparison of the others.
      const json = qia(['compare', '*', '--jobs', '2', '--format', 'json'], { cwd: dir, env, timeout: 120_000 });
      expect(json.status).toBe(1);
      expect((JSON.parse(json.stdout) as ComparisonJson).cases.map((k) => k.id)).toEqual(['lapak-asik', 'mobile-service']);
    }, 240_000);
  }

  it('with every study lost, says there is nothing to compare, exits 1, writes nothing', () => {
    // One study alone is analysed on the main thread: a second one (broken, so nothing is left) makes a pool.
    const dir = copies('crash-all', ['library-en']);
    mkdirSync(join(dir, 'kosong'));
    const r = qia(['compare', 'library-en', 'kosong', '--jobs', '2', '--out', 'banding'], {
      cwd: dir,
      env: { QIA_TEST_CRASH_STUDY: 'library-en' },
      timeout: 120_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('[compare/no-study]');
    expect(r.stderr).toContain('library-en: error: the thread analysing study library-en stopped');
    expect(existsSync(join(dir, 'banding'))).toBe(false);
  });
});

describe('two codebooks that disagree on a shared code', () => {
  it('refuses that code (and its sub-codes) with a diagnostic naming both studies, compares the rest, exits 1', () => {
    const dir = copies('disagree', ['lapak-asik', 'library-en']);
    // library-en gets its own copy of the codebook in which complexity is no longer inverted.
    const rogers = readFileSync(join(ROOT, 'codebooks/rogers.yaml'), 'utf8');
    const at = rogers.indexOf('  - id: complexity\n');
    const inverted = rogers.indexOf('      inverted: true\n', at);
    writeFileSync(join(dir, 'library-en', 'codebook.yaml'), rogers.slice(0, inverted) + rogers.slice(inverted + '      inverted: true\n'.length));
    const yaml = join(dir, 'library-en', 'study.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('codebook: builtin:rogers', 'codebook: codebook.yaml'));
    const r = qia(['compare', 'lapak-asik', 'library-en', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /error: code complexity means different things in the studies' codebooks, so it is not compared \(nor its sub-codes\): lapak-asik \(builtin:codebooks\/rogers\.yaml\): inverted .*; library-en \(codebook\.yaml\): not inverted .*\[compare\/code-meaning-differs\]/,
    );
    const c = JSON.parse(r.stdout) as ComparisonJson;
    expect(c.refused.map((x) => x.code)).toEqual(['complexity', 'complexity.ease_of_use', 'complexity.clear_procedure', 'complexity.skills']);
    expect(r.stderr.match(/code-meaning-differs/g)).toHaveLength(1);
    expect(c.refused[0]!.differs).toEqual(['inverted']);
    expect(c.metaMatrix.columns).not.toContain('complexity');
    expect(c.codes.map((x) => x.id).filter((id) => id.startsWith('complexity'))).toEqual([]);
    expect(c.metaMatrix.columns).toContain('relative_advantage');
  });
});

describe('study variables and ordering', () => {
  it('orders the case-ordered display by a study.yaml variable; a bad variable is a located diagnostic', () => {
    const dir = copies('vars', ['lapak-asik', 'library-en', 'mobile-service']);
    const years: Record<string, string> = { 'lapak-asik': '2021', 'library-en': '2019', 'mobile-service': '2023' };
    for (const [s, y] of Object.entries(years))
      writeFileSync(join(dir, s, 'study.yaml'), readFileSync(join(dir, s, 'study.yaml'), 'utf8') + `variables:\n  year: ${y}\n  region: "R-${s}"\n`);
    const r = qia(['compare', '*', '--order', 'year', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout) as ComparisonJson;
    expect(c.ordered.rows.map((x) => [x.case, x.value])).toEqual([
      ['library-en', 2019],
      ['lapak-asik', 2021],
      ['mobile-service', 2023],
    ]);
    const desc = JSON.parse(qia(['compare', '*', '--order', 'year:desc', '--format', 'json'], { cwd: dir }).stdout) as ComparisonJson;
    expect(desc.ordered.rows.map((x) => x.case)).toEqual(['mobile-service', 'lapak-asik', 'library-en']);
    // Only the ordering moves: the meta-matrix keeps its rows.
    expect(desc.metaMatrix).toEqual(c.metaMatrix);
    const bad = qia(['compare', '*', '--order', 'nothing'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('year');

    writeFileSync(
      join(dir, 'lapak-asik', 'study.yaml'),
      readFileSync(join(dir, 'lapak-asik', 'study.yaml'), 'utf8').replace('year: 2021', 'year: [2021, 2022]'),
    );
    const broken = qia(['compare', '*', '--format', 'json'], { cwd: dir });
    expect(broken.stderr).toMatch(/lapak-asik\/study\.yaml:\d+:\d+: error: variable `year` needs one value/);
  });

  it('reads the studies and the ordering from a compare.yaml', () => {
    const dir = copies('config', ['lapak-asik', 'library-en']);
    writeFileSync(join(dir, 'compare.yaml'), 'studies:\n  - "*-*"\norder: trialability:asc\n');
    const r = qia(['compare', 'compare.yaml', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout) as ComparisonJson;
    expect(c.cases.map((k) => k.id)).toEqual(['lapak-asik', 'library-en']);
    // qia run takes the same file: each study's out/, and the comparison where `out:` says.
    writeFileSync(join(dir, 'run.yaml'), 'studies: ["*-*"]\norder: trialability:asc\nout: banding\n');
    const run = qia(['run', 'run.yaml'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'lapak-asik', 'out', 'report.md'))).toBe(true);
    expect(readFileSync(join(dir, 'banding', 'compare.json'), 'utf8')).toBe(r.stdout.replace(/\n?$/, '\n'));
    writeFileSync(join(dir, 'bad.yaml'), 'studies: 3\nwhat: x\n');
    const bad = qia(['compare', 'bad.yaml'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:\d+:\d+: error:/);
  });
});

describe('qia run with several studies', () => {
  it("writes each study's out/ and their comparison into compare-out/ beside them", () => {
    const dir = copies('run', ['lapak-asik', 'library-en']);
    const r = qia(['run', '*-*'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const s of ['lapak-asik', 'library-en']) expect(existsSync(join(dir, s, 'out', 'report.html'))).toBe(true);
    for (const f of ['compare.md', 'compare.html', 'compare.json', 'compare-meta.csv', 'compare-stability.csv'])
      expect(existsSync(join(dir, 'compare-out', f)), f).toBe(true);
    expect(r.stdout).toContain('compare-out/');
    // The same report as `qia run` of the study alone.
    const alone = join(work, 'alone');
    expect(qia(['run', join(dir, 'library-en'), '--out', alone]).status).toBe(0);
    expect(readFileSync(join(dir, 'library-en', 'out', 'report.md'), 'utf8')).toBe(readFileSync(join(alone, 'report.md'), 'utf8'));
    const other = join(work, 'elsewhere');
    expect(qia(['run', 'library-en', 'lapak-asik', '--out', other], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(other, 'compare.json'), 'utf8')).toBe(readFileSync(join(dir, 'compare-out', 'compare.json'), 'utf8'));
  });
});
