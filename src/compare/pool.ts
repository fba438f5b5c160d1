import { Worker } from 'node:worker_threads';
import { workersAvailable } from '../pipeline/workers.js';
import { analyseOne, leftOut, type AnalyseReply, type AnalyseRequest } from './analyse.js';

/**
 * Analyses the studies of a comparison over `jobs` worker threads (one study per thread at a
 * time, the next sent when one comes back), so both cores work; replies come back in request
 * order whatever order they finished in. `onDone` is told after each study, for a progress line.
 */
export async function analyseAll(
  reqs: readonly AnalyseRequest[],
  jobs: number,
  onDone?: (done: number, total: number, id: string) => void,
): Promise<AnalyseReply[]> {
  const out = new Array<AnalyseReply>(reqs.length);
  if (jobs <= 1 || reqs.length <= 1 || !workersAvailable()) {
    for (let i = 0; i < reqs.length; i++) {
      out[i] = await analyseOne(reqs[i]!);
      onDone?.(i + 1, reqs.length, reqs[i]!.id);
    }
    return out;
  }
  const count = Math.min(jobs, reqs.length);
  let next = 0;
  let done = 0;
  await new Promise<void>((resolve) => {
    const start = () => {
      const w = new Worker(new URL('./worker.js', import.meta.url));
      let current = -1;
      const feed = () => {
        if (next >= reqs.length) {
          current = -1;
          void w.terminate();
          return;
        }
        current = next++;
        w.postMessage(reqs[current]);
      };
      const finish = (i: number, reply: AnalyseReply) => {
        out[i] = reply;
        done++;
        // Not `onDone?.(++done, …)`: an absent callback would skip the count with the call.
        onDone?.(done, reqs.length, reqs[i]!.id);
        if (done === reqs.length) resolve();
      };
      w.on('message', (reply: AnalyseReply) => {
        const i = current;
        feed();
        finish(i, reply);
      });
      // A thread that dies (out of memory, a crash) costs the study it held, not the batch:
      // that study is left out with a diagnostic, and a fresh thread takes the rest.
      const lost = (why: string) => {
        if (current < 0) return;
        const i = current;
        current = -1;
        const req = reqs[i]!;
        finish(i, {
          id: req.id,
          diagnostics: [
            { severity: 'error', code: 'compare/worker-failed', message: `the thread analysing study ${req.id} stopped: ${why}`, file: leftOut(req).file! },
            leftOut(req),
          ],
        });
        if (next < reqs.length) start();
      };
      w.on('error', (err) => lost(err.message));
      w.on('exit', (code) => lost(`exit code ${code}`));
      feed();
    };
    for (let k = 0; k < count; k++) start();
  });
  return out;
}
