import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../src/match/compile.js';
import { parseCodebook } from '../../src/codebook/parse.js';
import type { Span } from '../../src/model/span.js';

const CODEBOOK = `id: many-cues
version: "1"
languages: [id]
codes:
  - id: relative_advantage
    group: attribute
    label: { id: Keuntungan relatif }
    valence: { more: [cepat], less: [lambat] }
    rules:
      - terms: [layanan]
`;

function sentencesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '.') {
      out.push({ start, end: i + 1 });
      start = i + 2;
    }
  }
  return out;
}

describe('a turn with many valence cues', () => {
  it('keeps every cue when there are more than fit the first scratch space, and the last contrast still decides', () => {
    const { codebook } = parseCodebook(CODEBOOK, 'many-cues.yaml');
    const matcher = compileCodebook(codebook!);
    const text = 'Layanan cepat. '.repeat(150).trim();
    const [m] = matcher.match(text, 0, sentencesOf(text));
    expect(m?.valence).toBe(1);
    expect(m?.cues).toHaveLength(150);
    expect(m?.cues.every((c) => c.text === 'cepat')).toBe(true);
    expect(new Set(m?.cues.map((c) => c.span.start)).size).toBe(150);

    const turned = `${text} Tapi layanan lambat.`;
    const [t] = matcher.match(turned, 0, sentencesOf(turned));
    expect(t?.valence).toBe(-1);
    expect(t?.cues.map((c) => c.text)).toEqual(['lambat']);
  });
});
