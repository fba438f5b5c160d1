import { Worker } from 'node:worker_threads';
import type { Planned } from '../sources/read.js';
import type { CodebookSource } from '../study/codebook.js';
import type { Codebook } from '../model/codebook.js';
import { cacheEnabled } from '../cache/disk.js';
import type { StemTable } from '../match/stem.js';
import type { PassSettings, SourcePass } from './source-pass.js';
import type { StreamedPass } from './streamed-pass.js';
import { compactPass } from './compact.js';
import { sharedPeopleData, type SharedPeopleData } from './shared-people.js';

/**
 * A pool of worker threads, each with its own compiled codebook, passing source files through
 * read → segment → code. Each worker has a few files in hand (IN_HAND), so a slow file does not
 * hold the others up. Files are handed out in `order` (the order of the output), and each result
 * is given to `deliver` as it comes, with its index in `planned`.
 */

/** Workers need the compiled JavaScript; run from TypeScript sources (tests), the caller stays serial. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

/** The settings as a worker gets them (code-worker.ts). */
export type WorkerSettings = Omit<PassSettings, 'informants'> & { people: SharedPeopleData };

interface Reply {
  i: number;
  pass?: SourcePass;
  /** The pass reduced in the worker (settings.stream): its rows of codings.csv as text, its counts. */
  streamed?: StreamedPass;
  /** pass.auto as JSON (see code-worker.ts). */
  auto?: string;
  error?: string;
}

const IN_HAND = 6;

export async function runInWorkers(
  settings: PassSettings,
  codebook: CodebookSource & { parsed: Codebook },
  planned: readonly Planned[],
  order: readonly number[],
  jobs: number,
  deliver: (i: number, pass: SourcePass | StreamedPass) => void,
): Promise<void> {
  // Without the cache, the workers take the main thread's parsed codebook and its stems
  // (code-worker.ts); the stemmers are loaded only then, as a cache hit needs none.
  const stems: StemTable | undefined = cacheEnabled() ? undefined : (await import('../match/stem.js')).stemsSince({ id: 0, en: 0 });

  const count = Math.max(1, Math.min(jobs, planned.length));
  return new Promise((resolve, reject) => {
    // Each worker gets its own copy of the settings, but one table of informants for them all:
    // in shared buffers, looked up in place (shared-people.ts). Made here, not kept by this
    // thread once the workers start.
    const { informants, ...rest } = settings;
    const forWorkers: WorkerSettings = { ...rest, people: sharedPeopleData(informants) };
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const stop = (err: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    const feed = (w: Worker) => {
      if (next < order.length) {
        const i = order[next++]!;
        w.postMessage({ i, planned: planned[i] });
      }
    };
    for (let k = 0; k < count; k++) {
      const w = new Worker(new URL('./code-worker.js', import.meta.url), {
        workerData: {
          settings: forWorkers,
          codebook: { path: codebook.path, name: codebook.name, text: codebook.text, ...(stems ? { parsed: codebook.parsed, stems } : {}) },
        },
      });
      workers.push(w);
      w.on('message', (r: Reply) => {
        if (failed) return;
        if (r.error !== undefined || !(r.pass || r.streamed)) return stop(new Error(r.error ?? 'a coding worker returned nothing'));
        if (r.pass && r.auto !== undefined) r.pass.auto = JSON.parse(r.auto) as SourcePass['auto'];
        // The next file first: the worker codes it while this thread takes this result in.
        const last = ++done === planned.length;
        if (!last) feed(w);
        try {
          deliver(r.i, r.streamed ?? compactPass(r.pass!));
        } catch (err) {
          return stop(err instanceof Error ? err : new Error(String(err)));
        }
        if (last) {
          for (const x of workers) void x.terminate();
          resolve();
        }
      });
      w.on('error', stop);
      // A result that cannot be rebuilt here (a value too deep for this thread's stack) never
      // reaches 'message': without this, the run would wait for it forever.
      w.on('messageerror', (err) => stop(new Error(`a coding worker's result could not be read: ${err.message}`)));
      w.on('exit', (code) => {
        if (done < planned.length) stop(new Error(`a coding worker stopped (exit code ${code}) before every file was coded`));
      });
      // Files in hand per worker: enough that a worker is not left waiting while the main
      // thread is busy taking in another worker's results (two left them idle a quarter of
      // the time on the 50 MB corpus).
      for (let k = 0; k < IN_HAND; k++) feed(w);
    }
  });
}
