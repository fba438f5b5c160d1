// Preloaded by bench/run.js (node --require) into each timed `qia` process: on exit, writes the
// process's CPU time (user + system, every thread) to the file named in QIA_BENCH_CPU, so the
// benchmark can report work done as well as wall time, which other load on the machine inflates.
const { writeFileSync } = require('node:fs'); // eslint-disable-line @typescript-eslint/no-require-imports
const file = process.env.QIA_BENCH_CPU;
if (file) {
  process.on('exit', () => {
    const u = process.cpuUsage();
    writeFileSync(file, String((u.user + u.system) / 1e6));
  });
}
