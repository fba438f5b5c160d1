import type { Code, Valence } from '../model/codebook.js';

export interface EffectiveValence {
  inverted: boolean;
  default: Valence;
}

/**
 * How a code reads the direction of its evidence: its own `valence` settings, else the nearest
 * ancestor's. Obstacles default to −1 (evidence of an obstacle is evidence that it hinders);
 * everything else to 0 until a cue says otherwise.
 */
export function effectiveValence(code: Code, codes: readonly Code[]): EffectiveValence {
  const byId = new Map(codes.map((c) => [c.id, c]));
  let inverted: boolean | undefined;
  let dflt: Valence | undefined;
  for (let c: Code | undefined = code; c; c = c.parent ? byId.get(c.parent) : undefined) {
    inverted ??= c.valence?.inverted;
    dflt ??= c.valence?.default;
  }
  return { inverted: inverted ?? false, default: dflt ?? (code.group === 'obstacle' ? -1 : 0) };
}
