import { realpath, stat } from 'node:fs/promises';
import { relative, isAbsolute, sep } from 'node:path';

/**
 * A study folder can come from anyone (a student's zip, a shared drive), so what qia reads of it
 * stays inside it: a glob such as `../../secret/*`, or a link to /etc/passwd, must not put a
 * file from elsewhere into a report. Every file is followed through its links to the real file;
 * one outside the study's real folder is refused unless the command was given
 * `--allow-outside`, and only regular files are read (a named pipe or a device would hang it).
 */

export type Refusal = 'outside' | 'not-a-file' | 'missing';

export interface Checked {
  /** The real path (links followed), when the file may be read. */
  real?: string;
  refused?: Refusal;
}

export async function checkInside(root: string, abs: string, allowOutside: boolean): Promise<Checked> {
  let real: string;
  try {
    real = await realpath(abs);
  } catch {
    return { refused: 'missing' };
  }
  if (!allowOutside && !within(await realRoot(root), real)) return { refused: 'outside' };
  try {
    if (!(await stat(real)).isFile()) return { refused: 'not-a-file' };
  } catch {
    return { refused: 'missing' };
  }
  return { real };
}

const roots = new Map<string, Promise<string>>();

function realRoot(root: string): Promise<string> {
  let r = roots.get(root);
  if (!r) roots.set(root, (r = realpath(root).catch(() => root)));
  return r;
}

export function within(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Why a file was not read, for a diagnostic's message. */
export function refusalText(refused: Refusal): string {
  return refused === 'outside'
    ? 'it lies outside the study folder (through a link or a `..` path)'
    : refused === 'not-a-file'
      ? 'it is not a regular file (a folder, a named pipe or a device)'
      : 'it cannot be found';
}

export const OUTSIDE_HINT = 'move the file into the study folder; or, if you trust this study, run the command with --allow-outside';
