import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { Analysis } from '../model/analysis.js';
import type { AuditFile } from '../model/conclusion.js';
import { DEFAULT_CODEBOOK, PACKAGE_ROOT } from './resolve.js';

/**
 * Hash every input of a study: study.yaml, informants, the codebook, every source, every file
 * under codings/ (coders' CSVs and the review file) and memos/. Sources are not read again:
 * they reuse the hash their reader took of the raw bytes as the pass read them (in a worker, on
 * a large study).
 */
export async function collectAuditFiles(analysis: Analysis): Promise<AuditFile[]> {
  const root = analysis.study.root;
  const files: AuditFile[] = [];
  const seen = new Set<string>();
  const add = async (abs: string, role: AuditFile['role']) => {
    const path = displayPath(root, abs);
    if (seen.has(path)) return;
    seen.add(path);
    const bytes = await readFile(abs).catch(() => undefined);
    if (!bytes) return;
    files.push({ path, role, sha256: sha256(bytes), bytes: bytes.length });
  };
  await add(analysis.study.file, 'study');
  await add(analysis.study.informants, 'informants');
  await add(analysis.codebook.file || analysis.study.codebook, 'codebook');
  const sources = analysis.sources.filter((s) => {
    if (seen.has(s.path)) return false;
    seen.add(s.path);
    return true;
  });
  // Only the sizes are asked of the disk, all at once: a large study has thousands of sources.
  const sizes = await Promise.all(sources.map((s) => stat(join(root, s.path)).then((st) => st.size, () => 0)));
  sources.forEach((s, i) => files.push({ path: s.path, role: 'source', sha256: s.hash, bytes: sizes[i]! }));
  const extra = await glob(['codings/**/*', 'memos/**/*', 'review*.*'], { cwd: root, onlyFiles: true, dot: false });
  for (const rel of extra.sort()) {
    const role: AuditFile['role'] = rel.startsWith('memos/') ? 'memo' : /review/i.test(basename(rel)) ? 'review' : 'codings';
    await add(join(root, rel), role);
  }
  return files;
}

/** Relative to the study, '/'-separated; files shipped with qia as `builtin:<path>`. */
export function displayPath(root: string, abs: string): string {
  if (abs === DEFAULT_CODEBOOK) return 'builtin:codebooks/rogers.yaml';
  const rel = relative(root, abs);
  if (rel.startsWith('..')) {
    const inPkg = relative(PACKAGE_ROOT, abs);
    if (!inPkg.startsWith('..')) return `builtin:${inPkg.split(sep).join('/')}`;
  }
  return rel.split(sep).join('/');
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
