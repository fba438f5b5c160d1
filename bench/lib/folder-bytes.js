// The bytes of every file under a folder (0 when it does not exist): the size benchmarks report
// MB/s against.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function folderBytes(dir) {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return total;
}
