import { parentPort } from 'node:worker_threads';
import { analyseOne, type AnalyseRequest } from './analyse.js';

/**
 * Tests only: `QIA_TEST_CRASH_STUDY=<id>` makes the thread that is sent study <id> die with an
 * uncaught error, and `<id>:exit` makes it end with exit code 70, before analysing it, so the
 * pool's handling of a lost thread (src/compare/pool.ts) can be tested from the command line.
 * Read once per thread; unset, it costs nothing.
 */
const crash = /^(.+?)(?::(exit))?$/.exec(process.env.QIA_TEST_CRASH_STUDY ?? '');

/** A comparison's worker thread: analyses the studies it is sent, one at a time, and sends back each summary. */
parentPort?.on('message', (req: AnalyseRequest) => {
  if (crash && crash[1] === req.id) {
    if (crash[2] === 'exit') process.exit(70);
    throw new Error(`QIA_TEST_CRASH_STUDY: the thread analysing ${req.id} crashed on purpose`);
  }
  void analyseOne(req).then((reply) => parentPort?.postMessage(reply));
});
