import { parentPort } from 'node:worker_threads';
import { analyseOne, type AnalyseRequest } from './analyse.js';

/** A comparison's worker thread: analyses the studies it is sent, one at a time, and sends back each summary. */
parentPort?.on('message', (req: AnalyseRequest) => {
  void analyseOne(req).then((reply) => parentPort?.postMessage(reply));
});
