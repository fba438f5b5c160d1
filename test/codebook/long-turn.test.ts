import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN } from '../helpers/cli.js';

/**
 * A transcript can hold one enormous turn (a recording transcribed without speaker changes, a
 * document pasted as one paragraph). Coding it must stay linear in its length: near rules,
 * exclusions and valence cues are all dense here, which is where a pairwise comparison of
 * hits or sentences took minutes (minutes for these 2.5 MB before). Not a benchmark: the limit is
 * generous on purpose.
 */
let study: string;
let turnChars = 0;

beforeAll(() => {
  // Words of near rules (both slots), valence cues, negations, contrasts and exclusions of the
  // shipped codebook, shuffled with a fixed seed: one turn without a full stop, one of short sentences.
  const words =
    'waktu proses cepat lama antre menunggu hemat biaya murah tidak sudah bisa lebih mudah dulu sekarang anggaran sesuai kebiasaan senang layanan tapi sulit bingung manfaat besar'.split(
      ' ',
    );
  let seed = 1;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const turn = (chars: number, stops: boolean) => {
    const out: string[] = [];
    for (let n = 0; n < chars;) {
      const w = words[Math.floor(random() * words.length)]! + (stops && random() < 0.15 ? '.' : '');
      out.push(w);
      n += w.length + 1;
    }
    return out.join(' ');
  };
  const long = [turn(2_000_000, false), turn(500_000, true)];
  turnChars = long[0]!.length + long[1]!.length;
  study = join(mkdtempSync(join(tmpdir(), 'qia-long-turn-')), 'study');
  mkdirSync(join(study, 'sources'), { recursive: true });
  writeFileSync(
    join(study, 'study.yaml'),
    'title: One long turn\ncase: A transcript with one long turn\nlanguage: id\ncodebook: builtin:rogers\ninformants: informants.csv\nsources:\n  - glob: "sources/*"\n    kind: interview\n',
  );
  writeFileSync(join(study, 'informants.csv'), 'id,label,role,group\nK1,Rina,staff,provider\n');
  writeFileSync(
    join(study, 'sources/long.md'),
    `---\ninformant: K1\n---\n\nPewawancara: Apakah aplikasinya mudah digunakan?\n\nRina: ${long[0]}\n\nPewawancara: Bagaimana dengan biayanya?\n\nRina: ${long[1]}\n`,
  );
});

/** The CLI, killed after 30 s: a synchronous child would otherwise outlive the test's timeout. */
function qia(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
}

describe('one very long turn', () => {
  it('is coded in seconds, not minutes', { timeout: 40_000 }, () => {
    expect(turnChars).toBeGreaterThan(2_000_000);
    const r = qia(['code', study, '--jobs', '1', '--out', join(study, 'out')]);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.status).toBe(0);
    const rows = readFileSync(join(study, 'out/codings.csv'), 'utf8').split('\n').slice(1);
    for (const attribute of ['relative_advantage', 'compatibility', 'complexity']) expect(rows.some((l) => l.includes(`,${attribute}`))).toBe(true);
  });

  it('is searched by qia kwic in seconds', { timeout: 40_000 }, () => {
    const r = qia(['kwic', 'mudah', study, '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(20);
  });
});
