import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * An output folder replaced as a whole: the files are written into a staging folder beside it,
 * and only when every one is written is the old folder swapped for the new one, by two renames.
 * A reader (or a supervisor diffing a rerun) never sees new files mixed with old ones; a run
 * killed while writing leaves the old folder as it was, and its staging folder is cleared by the
 * next run. Files in the old folder that this run does not write (a user's own, another
 * command's) are carried over.
 */
export class StagedFolder {
  private readonly staging: string;
  private readonly names: string[] = [];
  private committed = false;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    // Interrupted while writing: the old folder stands; the staging folder goes.
    void this.discard().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };

  constructor(private readonly dir: string) {
    this.staging = join(dirname(dir), `.${basename(dir)}.staging-${process.pid}`);
  }

  /** Clears what an earlier run that was killed left beside the folder, then starts staging. */
  async open(): Promise<void> {
    await clearStale(this.dir);
    await mkdir(this.staging, { recursive: true });
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  async write(name: string, data: string | Iterable<string> | Iterable<Uint8Array>): Promise<void> {
    await writeFile(join(this.staging, name), data);
    this.names.push(name);
  }

  /** Swaps the staged folder in; returns the names written, sorted. */
  async commit(): Promise<string[]> {
    const mine = new Set(this.names);
    if (existsSync(this.dir)) {
      for (const e of await readdir(this.dir)) if (!mine.has(e)) await rename(join(this.dir, e), join(this.staging, e));
      const old = join(dirname(this.dir), `.${basename(this.dir)}.old-${process.pid}`);
      await rename(this.dir, old);
      await rename(this.staging, this.dir);
      await rm(old, { recursive: true, force: true });
    } else {
      await mkdir(dirname(this.dir), { recursive: true });
      await rename(this.staging, this.dir);
    }
    this.committed = true;
    return [...this.names].sort();
  }

  /** Removes the staging folder unless it was swapped in; stops listening for signals. */
  async discard(): Promise<void> {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    if (!this.committed) await rm(this.staging, { recursive: true, force: true });
  }
}

/**
 * Staging and old folders of runs that are no longer running (killed, or the machine went
 * down): a staging folder is dropped; an old folder whose swap was cut short, with no folder in
 * its place, is put back.
 */
async function clearStale(dir: string): Promise<void> {
  const parent = dirname(dir);
  const name = basename(dir);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  for (const e of entries) {
    const m = new RegExp(`^\\.${escape(name)}\\.(staging|old)-(\\d+)$`).exec(e);
    if (!m || alive(Number(m[2]))) continue;
    if (m[1] === 'old' && !existsSync(dir)) await rename(join(parent, e), dir);
    else await rm(join(parent, e), { recursive: true, force: true });
  }
  // Temporary files of earlier qia versions, which renamed files into the folder one by one.
  try {
    for (const e of await readdir(dir)) {
      const m = /^\..+\.(\d+)\.\d+\.tmp$/.exec(e);
      if (m && !alive(Number(m[1]))) await rm(join(dir, e), { force: true });
    }
  } catch {
    // no folder yet
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
