import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qia, ROOT } from '../helpers/cli.js';

describe('--help', () => {
  it('lists the exit codes and the environment variables, for qia and for each command', () => {
    for (const args of [['--help'], ['run', '--help'], ['codebook', 'check', '--help'], ['matrix', '--help']]) {
      const r = qia(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}130 /);
      for (const v of ['NO_COLOR', 'FORCE_COLOR', 'TERM=dumb', 'QIA_CACHE_DIR', 'QIA_NO_CACHE', 'QIA_DEBUG'])
        expect(r.stdout, `${args.join(' ')}: ${v}`).toContain(v);
    }
    expect(qia(['--help']).stdout).toContain('--no-color');
  });

  it('the codes it lists are the ones qia exits with', () => {
    expect(qia(['codebook', 'check']).status).toBe(0);
    expect(qia(['codebook', 'check', '-'], { input: 'codes: [' }).status).toBe(1);
    expect(qia(['matrix', '--type', 'nope']).status).toBe(2);
    expect(qia(['report', join(tmpdir(), 'no-such-study-here')]).status).toBe(2);
  });
});

describe('outside a study', () => {
  it('says on stderr that it works on the bundled sample; stdout is the same as naming the sample', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qia-nostudy-'));
    for (const args of [['sources'], ['matrix'], ['query', '--code', 'complexity'], ['kwic', 'mudah']]) {
      const [cmd, ...rest] = args;
      const fallback = qia(args, { cwd });
      expect(fallback.status, fallback.stderr).toBe(0);
      expect(fallback.stderr, args.join(' ')).toMatch(
        /^qia: note: no study named and no study\.yaml in .*: working on the bundled sample \(.*samples\/lapak-asik\) \[study\/bundled-sample\]$/m,
      );
      const named = cmd === 'kwic' ? [cmd!, rest[0]!, join(ROOT, 'samples/lapak-asik')] : [cmd!, join(ROOT, 'samples/lapak-asik'), ...rest];
      const direct = qia(named, { cwd });
      expect(direct.stderr, args.join(' ')).not.toContain('bundled-sample');
      expect(fallback.stdout, args.join(' ')).toBe(direct.stdout);
    }
  });

  it('says nothing inside a study folder', () => {
    const r = qia(['sources'], { cwd: join(ROOT, 'samples/lapak-asik') });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
