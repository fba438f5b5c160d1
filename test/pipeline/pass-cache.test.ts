import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SourcePass } from '../../src/pipeline/source-pass.js';
import { freshCacheDirPerTest } from '../helpers/cache-dir.js';
import { qia, ROOT } from '../helpers/cli.js';

/**
 * `qia run` on a small study keeps each file's pass (read, segmented, coded) in qia's cache.
 * A rerun must be served from it, and must write exactly what a run without the cache writes,
 * whatever changed in between.
 */

const cacheDir = freshCacheDirPerTest();
let study: string;
let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'qia-pass-cache-'));
  study = join(work, 'study');
  // lapak-asik has coder files and a review file (some sources kept whole), and a .docx.
  cpSync(join(ROOT, 'samples/lapak-asik'), study, { recursive: true });
});

function run(name: string, env: Record<string, string> = {}): Record<string, string> {
  const out = join(work, name);
  const r = qia(['run', study, '--out', out], { env });
  expect(r.status, r.stderr).toBe(0);
  const files: Record<string, string> = { stdout: r.stdout.replaceAll(name, 'OUT'), stderr: r.stderr };
  for (const f of readdirSync(out).sort()) files[f] = readFileSync(join(out, f), 'utf8');
  return files;
}

/** What a run without the cache writes now. */
function fresh(name: string): Record<string, string> {
  return run(name, { QIA_NO_CACHE: '1' });
}

function entries(): string[] {
  const dirs = readdirSync(join(cacheDir(), 'passes'));
  expect(dirs).toHaveLength(1);
  return readdirSync(join(cacheDir(), 'passes', dirs[0]!)).map((f) => join(cacheDir(), 'passes', dirs[0]!, f));
}

/** A cache entry: a sha256 of the rest, then V8's serialized `{ key, value }` (src/cache/disk.ts, pass.ts). */
function readEntry(f: string): { key: string; value: SourcePass } {
  return deserialize(readFileSync(f).subarray(32)) as { key: string; value: SourcePass };
}

function writeEntry(f: string, entry: { key: string; value: SourcePass }, withSum: boolean): void {
  const body = serialize(entry);
  const sum = withSum ? createHash('sha256').update(body).digest() : readFileSync(f).subarray(0, 32);
  writeFileSync(f, Buffer.concat([sum, body]));
}

describe('the per-file cache of qia run', () => {
  it('serves a rerun from the cache, writing what a run without it writes', { timeout: 60_000 }, () => {
    const expected = fresh('nocache');
    expect(run('first')).toEqual(expected);
    const files = entries();
    expect(files.length).toBe(readdirSync(join(study, 'sources'), { recursive: true }).filter((f) => /\.\w+$/.test(String(f))).length);
    expect(run('second')).toEqual(expected);

    // An entry changed behind qia's back is not served (its checksum no longer fits): made again.
    const tamper = (withSum: boolean): void => {
      for (const f of files) {
        const entry = readEntry(f);
        const c = entry.value.auto[0];
        if (!c) continue;
        c.quote = 'DARI CACHE';
        writeEntry(f, entry, withSum);
        return;
      }
      throw new Error('no entry with an automatic coding');
    };
    tamper(false);
    expect(run('third')).toEqual(expected);
    // Proof that reruns read the cache: the same change with its checksum made again shows.
    tamper(true);
    expect(run('fourth')['codings.csv']).toContain('DARI CACHE');
  });

  it('codes anew what a changed transcript, informants list or coder file reaches', { timeout: 90_000 }, () => {
    run('warm');
    const w08 = join(study, 'sources/interviews/w08-peserta-rudi.md');
    appendFileSync(w08, '\nRudi: Terus terang aplikasinya rumit sekali, saya bingung mengisinya.\n');
    const afterEdit = run('edited');
    expect(afterEdit['codings.csv']).toContain('rumit sekali');
    expect(afterEdit).toEqual(fresh('edited-nocache'));

    const informants = join(study, 'informants.csv');
    // Rudi (P4) becomes staff: his transcript's role comes from this list.
    writeFileSync(informants, readFileSync(informants, 'utf8').replace('P4,Rudi,user,user', 'P4,Rudi,staff,provider'));
    const moved = run('informants');
    expect(moved['matrix-role.md']).not.toBe(afterEdit['matrix-role.md']);
    expect(moved).toEqual(fresh('informants-nocache'));
    // The report reads roles from the list too, so look at the entry itself.
    const passes = entries().map((f) => readEntry(f).value);
    expect(passes.find((p) => p.info?.id === 'interviews/w08-peserta-rudi')?.info?.role).toBe('staff');

    // A coder row naming a source keeps that source whole: its pass is another entry.
    appendFileSync(join(study, 'codings/coder-a.csv'), 'interviews/w03-staf-ti,,jaringan kantor lagi berat,complexity,-,,late row\n');
    const coder = run('coder');
    expect(coder['codings.csv']).toContain('late row');
    expect(coder).toEqual(fresh('coder-nocache'));
  });

  it("serves qia code and qia run from one entry per file, and keeps qia sources' reading apart, so taking turns keeps all", { timeout: 60_000 }, () => {
    const sourceFiles = readdirSync(join(study, 'sources'), { recursive: true }).filter((f) => /\.\w+$/.test(String(f))).length;
    const codeOut = join(work, 'code');
    expect(qia(['code', study, '--out', codeOut]).status).toBe(0);
    expect(entries().length).toBe(sourceFiles);
    const codings = readFileSync(join(codeOut, 'codings.csv'), 'utf8');
    const runFiles = run('run');
    expect(entries().length).toBe(sourceFiles);
    const listed = qia(['sources', study]);
    expect(listed.status).toBe(0);
    expect(entries().length).toBe(2 * sourceFiles);
    expect(qia(['code', study, '--out', codeOut]).status).toBe(0);
    expect(run('run-again')).toEqual(runFiles);
    expect(qia(['sources', study]).stdout).toBe(listed.stdout);
    expect(entries().length).toBe(2 * sourceFiles);
    expect(readFileSync(join(codeOut, 'codings.csv'), 'utf8')).toBe(codings);
  });

  it('makes a corrupt entry again', { timeout: 60_000 }, () => {
    const expected = run('first');
    for (const f of entries()) writeFileSync(f, 'not a pass');
    expect(run('second')).toEqual(expected);
    for (const f of entries()) expect(readFileSync(f).toString('latin1')).not.toBe('not a pass');
  });
});
