import { describe, expect, it } from 'vitest';
import { autoCode } from '../../src/coding/auto.js';
import { inlineCodings } from '../../src/coding/inline.js';
import { SegmentIndex } from '../../src/coding/lookup.js';
import type { CodeMatch, Codebook, Matcher } from '../../src/model/codebook.js';
import type { Span } from '../../src/model/span.js';
import { Diagnostics } from '../../src/util/diagnostics.js';
import { build } from './build.js';

/** A matcher that codes `cepat` as time saving and `server` as an internal obstacle. */
const fake: Matcher = {
  codebook: { id: 't', version: '1', languages: ['id'], codes: [], file: 't.yaml' } as Codebook,
  match(text: string, base: number, _sentences: readonly Span[]): CodeMatch[] {
    const out: CodeMatch[] = [];
    for (const [word, code, valence] of [
      ['cepat', 'relative_advantage.time_saving', 1],
      ['server', 'obstacle_internal.server_system', -1],
    ] as const) {
      const matches = [];
      for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1))
        matches.push({ ruleId: `${code}#0`, span: { start: base + i, end: base + i + word.length }, text: word });
      if (matches.length) out.push({ code, valence, score: matches.length, matches, cues: [] });
    }
    return out;
  },
};

const T = build('interviews/w01', 'P: Apakah lebih cepat?\nK1: Ya. Sekarang jauh lebih cepat, tidak antre. Tapi server kadang down.\nK1: Tidak ada masalah.');

describe('autoCode', () => {
  it('codes informant turns with the sentence around the matches, and skips the interviewer', () => {
    const cs = autoCode(T.segments, fake, { sourceText: () => T.source.text });
    expect(cs.map((c) => [c.segmentId, c.code, c.valence, c.quote])).toEqual([
      ['interviews/w01:2', 'relative_advantage.time_saving', 1, 'Sekarang jauh lebih cepat, tidak antre.'],
      ['interviews/w01:2', 'obstacle_internal.server_system', -1, 'Tapi server kadang down.'],
    ]);
    for (const c of cs) {
      expect(T.source.text.slice(c.span.start, c.span.end)).toBe(c.quote);
      expect(c).toMatchObject({ coder: 'auto', origin: 'rule' });
      expect(T.source.text.slice(c.span.start - c.prefix.length, c.span.start)).toBe(c.prefix);
      expect(c.matches[0]!.text).toBe(T.source.text.slice(c.matches[0]!.span.start, c.matches[0]!.span.end));
    }
    // The prefix reaches into the previous turn when the source text is known.
    expect(cs[0]!.prefix).toContain('\nK1: Ya. ');
  });

  it('codes interviewer turns when asked, and gives the same spans without the source text', () => {
    const all = autoCode(T.segments, fake, { interviewer: true });
    expect(all.map((c) => c.segmentId)).toEqual(['interviews/w01:1', 'interviews/w01:2', 'interviews/w01:2']);
    const withText = autoCode(T.segments, fake, { interviewer: true, sourceText: () => T.source.text });
    expect(all.map((c) => [c.span, c.quote])).toEqual(withText.map((c) => [c.span, c.quote]));
  });
});

describe('inlineCodings', () => {
  it('turns tags into codings in the right segment, with the front-matter coder', () => {
    const src = build('interviews/w02', 'P: Bagaimana?\nU1: Aplikasinya mudah dipakai, hanya sinyal lemah.', { meta: { coder: 'sari' } });
    const text = src.source.text;
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    src.source.inlineTags = [
      { code: 'complexity.ease_of_use', valence: 1, span: at('mudah dipakai'), line: 2, column: 18, memo: ' jelas ' },
      { code: 'obstacle_external.nope', valence: -1, span: at('sinyal lemah'), line: 2, column: 40 },
      { code: 'complexity', valence: 0, span: { start: 3, end: 3 }, line: 1, column: 4 },
    ];
    const diags = new Diagnostics();
    const cs = inlineCodings([src.source], new SegmentIndex(src.segments), new Set(['complexity', 'complexity.ease_of_use']), diags);
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({
      segmentId: 'interviews/w02:2',
      quote: 'mudah dipakai',
      coder: 'sari',
      origin: 'inline',
      memo: 'jelas',
      from: { file: 'sources/interviews/w02.md', line: 2 },
    });
    expect(diags.items.map((d) => [d.code, d.line, d.column])).toEqual([
      ['coding/unknown-code', 2, 40],
      ['coding/empty-tag', 1, 4],
    ]);
  });
});
