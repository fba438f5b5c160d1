import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * .qdpx containers. Written deterministically: entries in the order given, every timestamp the
 * DOS epoch (1980-01-01 00:00, built from local-time parts because a zip stores local time, so
 * the bytes do not depend on the time zone), one compression level. Read tolerantly: only
 * project.qde and files under a sources folder of any case (NVivo writes `Sources/`) are
 * inflated, and oversized entries are refused before they are inflated.
 */

export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

const EPOCH = new Date(1980, 0, 1, 0, 0, 0);

export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) files[e.path] = [e.data, { mtime: EPOCH, level: 6 }];
  return zipSync(files);
}

/** More than this inflated size for one entry is refused: a project's texts are far smaller. */
export const MAX_ENTRY_BYTES = 512 * 1024 * 1024;

export interface ReadZip {
  /** project.qde's bytes, when present at the root. */
  project?: Uint8Array;
  /** Files of the sources folder by their name inside it, matched without regard to case. */
  source(name: string): Uint8Array | undefined;
  /** Entries that were too large to inflate. */
  refused: string[];
}

export function readZip(bytes: Uint8Array): ReadZip {
  const refused: string[] = [];
  const files = unzipSync(bytes, {
    filter: (f) => {
      const wanted = f.name === 'project.qde' || /^sources\/[^/]+$/i.test(f.name);
      if (wanted && f.originalSize > MAX_ENTRY_BYTES) refused.push(f.name);
      return wanted && f.originalSize <= MAX_ENTRY_BYTES;
    },
  });
  const sources = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    if (name !== 'project.qde') sources.set(name.slice(name.indexOf('/') + 1).toLowerCase(), data);
  }
  const out: ReadZip = { source: (name) => sources.get(name.toLowerCase()), refused };
  if (files['project.qde']) out.project = files['project.qde'];
  return out;
}

/**
 * The texts of a bare project.qde: the files of the sources folder beside it (either case), as
 * check-refi.sh reads them, behind the same interface as a zip's.
 */
export function folderSources(dir: string): ReadZip {
  const files = new Map<string, string>();
  for (const folder of ['Sources', 'sources']) {
    const d = join(dir, folder);
    if (!existsSync(d)) continue;
    for (const name of readdirSync(d)) files.set(name.toLowerCase(), join(d, name));
  }
  return {
    source: (name) => {
      const path = files.get(name.toLowerCase());
      return path && statSync(path).size <= MAX_ENTRY_BYTES ? readFileSync(path) : undefined;
    },
    refused: [],
  };
}
