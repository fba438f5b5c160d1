import { describe, expect, it } from 'vitest';
import { conclude } from '../../src/conclude/conclude.js';
import { analysis } from './fixture.js';

describe('saturation', () => {
  it('orders sources by date then id, undated last, and counts new codes with their parents', () => {
    const a = analysis([
      { id: 'b-late', informant: 'P1', date: '2021-03-02', turns: [[undefined, 'x', [['relative_advantage.time_saving', 1]]]] },
      { id: 'a-undated', informant: 'P2', turns: [[undefined, 'y', [['obstacle_external.devices', -1]]]] },
      {
        id: 'c-early',
        informant: 'K1',
        date: '2021-03-01',
        turns: [
          [
            undefined,
            'z',
            [
              ['relative_advantage', 1],
              ['complexity', 1],
            ],
          ],
        ],
      },
      { id: 'd-early', informant: 'S1', date: '2021-03-01', turns: [[undefined, 'w', [['complexity', -1]]]] },
    ]);
    const s = conclude(a).saturation;
    expect(s.order).toBe('date-then-id');
    expect(s.steps.map((x) => x.sourceId)).toEqual(['c-early', 'd-early', 'b-late', 'a-undated']);
    expect(s.steps.map((x) => x.newCodes)).toEqual([
      ['complexity', 'relative_advantage'],
      [],
      ['relative_advantage.time_saving'],
      ['obstacle_external', 'obstacle_external.devices'],
    ]);
    expect(s.steps.map((x) => x.cumulative)).toEqual([2, 2, 3, 5]);
    expect(s.totalCodes).toBe(5);
    expect(s.lastNewAt).toBe(4);
    expect(s.trailingWithoutNew).toBe(0);
    expect(s.steps[0]).toMatchObject({ order: 1, date: '2021-03-01', informant: 'K1', codings: 2, kind: 'interview' });
  });

  it('reports the run of sources that added nothing', () => {
    const a = analysis([
      { id: 's1', turns: [[undefined, 'x', [['complexity', 1]]]] },
      { id: 's2', turns: [[undefined, 'y', [['complexity', 1]]]] },
      { id: 's3', turns: [[undefined, 'z', []]] },
    ]);
    const s = conclude(a).saturation;
    expect(s).toMatchObject({ lastNewAt: 1, trailingWithoutNew: 2, totalCodes: 1 });
  });
});
