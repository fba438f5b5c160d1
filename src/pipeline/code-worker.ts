import { parentPort, workerData } from 'node:worker_threads';
import { compileCodebook } from '../match/compile.js';
import type { Planned } from '../sources/read.js';
import { Diagnostics } from '../util/diagnostics.js';
import { checkedCodebook } from '../study/codebook.js';
import { passSource, type PassSettings } from './source-pass.js';
import { informantMap } from './informant-map.js';

/** A worker of runInWorkers: compiles the codebook once, then codes the files it is sent. */

const settings: PassSettings = { ...(workerData as { settings: PassSettings }).settings, inWorker: true };
const port = parentPort!;
// The main thread already reported the codebook's problems; here it only needs compiling.
const matcher = checkedCodebook(settings.study, new Diagnostics()).then(compileCodebook);
const byInformant = informantMap(settings.informants);

port.on('message', (msg: { i: number; planned: Planned }) => {
  matcher
    .then((m) => passSource(settings, m, msg.planned, byInformant))
    .then(
      // The codings go as one JSON string: for many small plain objects that is several times
      // cheaper to send and to rebuild than the structured clone postMessage would make.
      (pass) => port.postMessage({ i: msg.i, pass: { ...pass, auto: [] }, auto: JSON.stringify(pass.auto) }),
      (err: unknown) => port.postMessage({ i: msg.i, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    );
});
