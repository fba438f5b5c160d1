import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { readZip } from '../../src/interop/zip.js';

/**
 * What the REFI-QDA checks need from outside the project: ../shared/refi-qda (schemas,
 * check-refi.sh, real exports) and xmllint and unzip on the PATH. On a developer's machine
 * without them those tests skip, saying so; under CI (CI=true) they never skip, so a missing
 * folder or tool fails the run instead of passing it quietly.
 */

export const REFI = resolve(ROOT, '../shared/refi-qda');
export const CI = process.env['CI'] === 'true';

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

export const missing: string[] = [
  ...(existsSync(join(REFI, 'Project-mrt2019.xsd')) ? [] : [`${REFI} (the REFI-QDA schemas)`]),
  ...(has('xmllint') ? [] : ['xmllint (apt-get install libxml2-utils)']),
  ...(has('unzip') ? [] : ['unzip (apt-get install unzip)']),
];

if (missing.length && !CI) {
  console.warn(`[test/interop] REFI-QDA schema checks SKIPPED: missing ${missing.join(', ')}`);
}

/** `describe` for tests that need the schemas and tools: skipped without them, except under CI. */
export const describeRefi = missing.length && !CI ? describe.skip : describe;

export function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `qia-refi-${prefix}-`));
}

export interface Run {
  status: number;
  out: string;
}

export function sh(cmd: string, args: string[]): Run {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { status: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** project.qde of a .qdpx, as text. */
export function qdeOf(qdpx: string): string {
  const z = readZip(readFileSync(qdpx));
  if (!z.project) throw new Error(`${qdpx} has no project.qde`);
  return new TextDecoder().decode(z.project);
}

export const SAMPLES = ['lapak-asik', 'imigrasi-lampung', 'library-en', 'mobile-service'];
