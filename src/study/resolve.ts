import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QiaError } from '../util/diagnostics.js';

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
      throw new QiaError('study/no-study-yaml', `${arg} holds no study.yaml`, { file: arg }, 'create one with `qia init <dir>`, or name the folder that holds study.yaml');
    }
    return { dir: statSync(dir).isDirectory() ? dir : resolve(dir, '..'), bundled: false };
  }
  if (existsSync(join(cwd, 'study.yaml'))) return { dir: cwd, bundled: false };
  return { dir: BUNDLED_SAMPLE, bundled: true };
}
