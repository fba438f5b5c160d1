import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

/**
 * Colour is chalk's detection (terminal, FORCE_COLOR, TERM=dumb) plus NO_COLOR and --no-color,
 * checked on a real `qia matrix` table, whose valence marks are coloured when colour is on.
 */
const SAMPLE = 'samples/lapak-asik';
const ESC = '\u001b[';

function run(args: string[], env: Record<string, string>): string {
  const base = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'TERM', 'CI']) delete base[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...base, ...env }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** The same run on a pseudo-terminal (util-linux `script`), as a user at a terminal sees it. */
function onTerminal(args: string[], env: Record<string, string>): string {
  const base = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'TERM', 'CI']) delete base[k];
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, env: { ...base, ...env }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

describe('colour', () => {
  it('is off in a pipe, on with FORCE_COLOR', () => {
    expect(run(['matrix', SAMPLE], {})).not.toContain(ESC);
    expect(run(['matrix', SAMPLE], { FORCE_COLOR: '1' })).toContain(ESC);
  });

  it('is off with NO_COLOR, FORCE_COLOR=0 or --no-color (before or after the command), whatever forces it', () => {
    expect(run(['matrix', SAMPLE], { FORCE_COLOR: '1', NO_COLOR: '1' })).not.toContain(ESC);
    expect(run(['matrix', SAMPLE], { FORCE_COLOR: '0' })).not.toContain(ESC);
    expect(run(['matrix', SAMPLE, '--no-color'], { FORCE_COLOR: '1' })).not.toContain(ESC);
    expect(run(['--no-color', 'matrix', SAMPLE], { FORCE_COLOR: '1' })).not.toContain(ESC);
  });

  it.skipIf(!HAS_SCRIPT)('is on at a terminal, off at a terminal that says TERM=dumb or with NO_COLOR', () => {
    expect(onTerminal(['matrix', SAMPLE], { TERM: 'xterm-256color' })).toContain(ESC);
    expect(onTerminal(['matrix', SAMPLE], { TERM: 'dumb' })).not.toContain(ESC);
    expect(onTerminal(['matrix', SAMPLE], { TERM: 'xterm-256color', NO_COLOR: '1' })).not.toContain(ESC);
  });

  it('disableColor (what --no-color calls) turns colour off for the rest of the process', async () => {
    const { colorEnabled, colors, disableColor } = await import('../../src/render/color.js');
    disableColor();
    expect(colorEnabled()).toBe(false);
    expect(colors().red('x')).toBe('x');
  });
});
