import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, QiaError } from '../util/diagnostics.js';
import { displayPath } from '../util/display-path.js';

/** The package root, found from this compiled file (dist/study/resolve.js) or its source. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The sample a new user meets when they type `qia run` with no argument. */
export const BUNDLED_SAMPLE = join(PACKAGE_ROOT, 'samples', 'lapak-asik');

/** The default Rogers codebook shipped with the package. */
export const DEFAULT_CODEBOOK = join(PACKAGE_ROOT, 'codebooks', 'rogers.yaml');

export interface ResolvedStudy {
  dir: string;
  /** True when no study was named and none was in the current folder. */
  bundled: boolean;
}

/**
 * Which study a command works on: the named folder; else the current folder when it holds
 * study.yaml; else the bundled sample, so every command shows something on a fresh install.
 */
export function resolveStudyDir(arg: string | undefined, cwd: string = process.cwd()): ResolvedStudy {
  if (arg !== undefined && arg !== '') {
    const dir = resolve(cwd, arg);
    if (!existsSync(dir)) {
      throw new QiaError('study/not-found', `no such study folder: ${arg}`, { file: arg }, 'check the path, or create a study with `qia init <dir>`');
    }
    const file = statSync(dir).isDirectory() ? join(dir, 'study.yaml') : dir;
    if (!existsSync(file)) {
      throw new QiaError(
        'study/no-study-yaml',
        `${arg} holds no study.yaml`,
        { file: arg },
        'create one with `qia init <dir>`, or name the folder that holds study.yaml',
      );
    }
    return { dir: statSync(dir).isDirectory() ? dir : resolve(dir, '..'), bundled: false };
  }
  if (existsSync(join(cwd, 'study.yaml'))) return { dir: cwd, bundled: false };
  return { dir: BUNDLED_SAMPLE, bundled: true };
}

/** resolveStudyDir for a command that works on the study it finds: says so when that is the bundled sample. */
export function studyDirFor(arg: string | undefined): ResolvedStudy {
  const study = resolveStudyDir(arg);
  noticeBundled(study);
  return study;
}

/**
 * The notice on standard error when a command found no study and took the bundled sample: a
 * user who typed `qia report` in the wrong folder must not take the sample's findings for theirs.
 * Standard output stays the command's own, so a pipe gets the same bytes either way.
 */
export function noticeBundled(study: ResolvedStudy, write: (s: string) => void = (s) => process.stderr.write(s)): void {
  if (!study.bundled) return;
  write(
    formatDiagnostic({
      severity: 'info',
      code: 'study/bundled-sample',
      message: `no study named and no study.yaml in ${process.cwd()}: working on the bundled sample (${displayPath(study.dir)})`,
      hint: 'name your study folder (qia run my-study) or run qia inside it; `qia init my-study` makes a new one',
    }) + '\n',
  );
}

/**
 * How the audit trail names a file: relative to the study, '/'-separated (no absolute path, so
 * the audit of a study is the same in any folder); a file shipped with qia as `builtin:<path>`.
 */
export function auditPath(root: string, abs: string): string {
  if (abs === DEFAULT_CODEBOOK) return 'builtin:codebooks/rogers.yaml';
  const rel = relative(root, abs);
  if (rel.startsWith('..')) {
    const inPkg = relative(PACKAGE_ROOT, abs);
    if (!inPkg.startsWith('..')) return `builtin:${inPkg.split(sep).join('/')}`;
  }
  return rel.split(sep).join('/');
}

let version: string | undefined;

/** qia's own version, from its package.json. */
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
