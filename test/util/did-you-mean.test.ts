import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closeNames, didYouMean } from '../../src/util/did-you-mean.js';

const CODES = [
  'relative_advantage',
  'relative_advantage.time_saving',
  'relative_advantage.cost_saving',
  'complexity',
  'complexity.ease_of_use',
  'complexity.skills',
  'obstacle_internal',
  'obstacle_internal.staff_skills',
  'obstacle_internal.server_system',
  'obstacle_external',
  'obstacle_external.network',
  'obstacle_external.devices',
  'trialability',
  'trialability.trial',
  'trialability.pilot',
];

describe('did you mean', () => {
  it('finds the code a typo meant, under its parent first', () => {
    expect(closeNames('obstacle_internal.staf_skills', CODES)).toEqual(['obstacle_internal.staff_skills']);
    expect(closeNames('staf_skills', CODES)).toEqual(['obstacle_internal.staff_skills']);
    expect(closeNames('complexty', CODES)).toEqual(['complexity']);
    expect(closeNames('obstacle_external.netwrk', CODES)).toEqual(['obstacle_external.network']);
    expect(closeNames('ease of use', CODES)).toEqual(['complexity.ease_of_use']);
    expect(closeNames('Relative_Advantage.Time_Savng', CODES)[0]).toBe('relative_advantage.time_saving');
  });

  it('suggests nothing for a word far from every code', () => {
    expect(closeNames('xyz', CODES)).toEqual([]);
    expect(didYouMean('kepuasan', CODES, 'see `qia codebook show`')).toBe('see `qia codebook show`');
    expect(didYouMean('complexty', CODES, 'x')).toBe('did you mean complexity?');
  });

  it('answers with at most three known names, for any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (typed) => {
        const close = closeNames(typed, CODES);
        expect(close.length).toBeLessThanOrEqual(3);
        for (const c of close) expect(CODES).toContain(c);
      }),
    );
  });
});
