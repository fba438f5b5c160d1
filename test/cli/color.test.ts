import { afterEach, describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/render/color.js';

const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;
const saved = { NO_COLOR: process.env['NO_COLOR'], FORCE_COLOR: process.env['FORCE_COLOR'] };

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('colour', () => {
  it('is on for a terminal, off for a pipe or a file', () => {
    delete process.env['NO_COLOR'];
    delete process.env['FORCE_COLOR'];
    expect(colorEnabled(tty)).toBe(true);
    expect(colorEnabled(pipe)).toBe(false);
  });

  it('is off whenever NO_COLOR is set, even on a terminal', () => {
    delete process.env['FORCE_COLOR'];
    process.env['NO_COLOR'] = '1';
    expect(colorEnabled(tty)).toBe(false);
  });
});
