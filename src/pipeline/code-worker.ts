import { parentPort, workerData } from 'node:worker_threads';
import { loadCodebookText } from '../codebook/load.js';
import { compileCodebook } from '../match/compile.js';
import { primeStems, type StemTable } from '../match/stem.js';
import type { Codebook } from '../model/codebook.js';
import type { Planned } from '../sources/read.js';
import { passSource, type PassSettings } from './source-pass.js';
import { SharedPeople } from './shared-people.js';
import type { WorkerSettings } from './workers.js';
import { streamedPass } from './streamed-pass.js';

/** A worker of runInWorkers: loads and compiles the codebook once, then codes the files it is sent. */

interface Data {
  settings: WorkerSettings;
  /** `parsed`: the main thread's codebook, when there is no cache to take it (and its compiled tables) from. */
  codebook: { path: string; name: string; text: string; parsed?: Codebook; stems?: StemTable };
}

const data = workerData as Data;
const { people, ...rest } = data.settings;
// The informants are not copied here: the passes look them up in the main thread's shared table.
const settings: Omit<PassSettings, 'informants'> = { ...rest, inWorker: true };
const port = parentPort!;
// The main thread loaded this text already (its problems are reported there): here it comes from
// the cache with its compiled tables.
// Without the cache (QIA_NO_CACHE=1) the main thread's parsed codebook comes along instead of
// being parsed again in every worker (about a second of CPU each for the shipped one), with the
// stems the main thread's memo holds, so its terms are not stemmed again either.
const matcher = !settings.code
  ? Promise.resolve(undefined)
  : data.codebook.parsed
    ? Promise.resolve(primeStems(data.codebook.stems ?? {})).then(() => compileCodebook(data.codebook.parsed!))
    : loadCodebookText(data.codebook.path, data.codebook.name, data.codebook.text).then((r) => compileCodebook(r.codebook as Codebook));
const byInformant = new SharedPeople(people);
const informants = byInformant.byExactId;

port.on('message', (msg: { i: number; planned: Planned }) => {
  matcher
    .then((m) => passSource(settings, m, msg.planned, byInformant))
    .then(
      (pass) => {
        const reduced = settings.stream ? streamedPass(pass, settings.stream, informants) : pass;
        if ('streamed' in reduced) return port.postMessage({ i: msg.i, streamed: reduced });
        // The codings go as one JSON string: for many small plain objects that is several times
        // cheaper to send and to rebuild than the structured clone postMessage would make.
        port.postMessage({ i: msg.i, pass: { ...pass, auto: [] }, auto: JSON.stringify(pass.auto) });
      },
      (err: unknown) => port.postMessage({ i: msg.i, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    );
});
