import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { diagnosticLines } from '../../src/util/diagnostic-print.js';

const warn = (code: string, message: string): Diagnostic => ({ severity: 'warning', code, message });

describe('diagnostics on stderr', () => {
  it('prints one diagnostic alone, with no count under it', () => {
    expect(diagnosticLines([{ severity: 'error', code: 'x/y', message: 'broken' }])).toEqual(['qia: error: broken [x/y]']);
  });

  it('prints a repeated diagnostic once, and counts what it printed when there are several', () => {
    const lines = diagnosticLines([warn('a/b', 'one'), warn('a/b', 'one'), warn('a/c', 'two')]);
    expect(lines).toEqual(['qia: warning: one [a/b]', 'qia: warning: two [a/c]', 'qia: 2 warnings']);
  });

  it('holds back the sixth warning of a code unless verbose, and says so', () => {
    const many = Array.from({ length: 6 }, (_, i) => warn('a/b', `w${i}`));
    const lines = diagnosticLines(many);
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toBe('qia: 6 warnings (1 not shown; --verbose shows all)');
    expect(diagnosticLines(many, { verbose: true }).at(-1)).toBe('qia: 6 warnings');
  });
});
