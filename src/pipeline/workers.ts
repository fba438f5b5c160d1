import { Worker } from 'node:worker_threads';
import type { Planned } from '../sources/read.js';
import type { CodebookSource } from '../study/codebook.js';
import type { PassSettings, SourcePass } from './source-pass.js';
import { compactPass } from './compact.js';

/**
 * A pool of worker threads, each with its own compiled codebook, passing source files through
 * read → segment → code. Each worker has a few files in hand (IN_HAND), so a slow file does not
 * hold the others up; results are put back in file order.
 */

/** Workers need the compiled JavaScript; run from TypeScript sources (tests), the caller stays serial. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

interface Reply {
  i: number;
  pass?: SourcePass;
  /** pass.auto as JSON (see code-worker.ts). */
  auto?: string;
  error?: string;
}

const IN_HAND = 6;

export function runInWorkers(settings: PassSettings, codebook: CodebookSource, planned: readonly Planned[], jobs: number, onDone?: (i: number) => void): Promise<SourcePass[]> {
  const out = new Array<SourcePass>(planned.length);
  const count = Math.max(1, Math.min(jobs, planned.length));
  return new Promise((resolve, reject) => {
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
      if (next < planned.length) {
        const i = next++;
        w.postMessage({ i, planned: planned[i] });
      }
    };
    for (let k = 0; k < count; k++) {
      const w = new Worker(new URL('./code-worker.js', import.meta.url), { workerData: { settings, codebook: { path: codebook.path, name: codebook.name, text: codebook.text } } });
      workers.push(w);
      w.on('message', (r: Reply) => {
        if (failed) return;
        if (r.error !== undefined || !r.pass) return stop(new Error(r.error ?? 'a coding worker returned nothing'));
        if (r.auto !== undefined) r.pass.auto = JSON.parse(r.auto) as SourcePass['auto'];
        out[r.i] = compactPass(r.pass);
        onDone?.(r.i);
        if (++done === planned.length) {
          for (const x of workers) void x.terminate();
          resolve(out);
        } else feed(w);
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
