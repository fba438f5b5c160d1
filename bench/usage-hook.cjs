// Preloaded by bench/compare.js (node --require) into each timed `qia` process: on exit, writes
// the process's CPU time (user + system, every thread, seconds) and its peak resident memory
// (kilobytes) to the file named in QIA_BENCH_USAGE, as JSON.
const { writeFileSync } = require('node:fs'); // eslint-disable-line @typescript-eslint/no-require-imports
const file = process.env.QIA_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRssKb: u.maxRSS }));
  });
}
