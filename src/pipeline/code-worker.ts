import { parentPort, workerData } from 'node:worker_threads';
import { loadCodebookText } from '../codebook/load.js';
import { compileCodebook } from '../match/compile.js';
import type { Codebook } from '../model/codebook.js';
import type { Planned } from '../sources/read.js';
import { passSource, type PassSettings } from './source-pass.js';
import { people } from './people.js';

/** A worker of runInWorkers: loads and compiles the codebook once, then codes the files it is sent. */

interface Data {
  settings: PassSettings;
  codebook: { path: string; name: string; text: string };
}

const data = workerData as Data;
const settings: PassSettings = { ...data.settings, inWorker: true };
const port = parentPort!;
// The main thread loaded this text already (its problems are reported there): here it comes from
// the cache with its compiled tables.
const matcher = settings.code
  ? loadCodebookText(data.codebook.path, data.codebook.name, data.codebook.text).then((r) => compileCodebook(r.codebook as Codebook))
  : Promise.resolve(undefined);
const byInformant = people(settings.informants);

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
