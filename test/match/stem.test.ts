import { describe, expect, it } from 'vitest';
import { stemWord, stemsOf } from '../../src/match/stem.js';

describe('stemming', () => {
  it('brings Indonesian derivations to one root', () => {
    for (const w of ['kemudahan', 'mempermudah', 'memudahkan', 'mudah']) expect(stemWord(w, ['id', 'en'])).toBe('mudah');
    expect(stemWord('pelayanan', ['id'])).toBe('layan');
    expect(stemWord('persyaratan', ['id'])).toBe('syarat');
  });

  it('does not strip roots that merely look like prefixes (unlike the Snowball stemmer)', () => {
    expect(stemWord('kendala', ['id'])).toBe('kendala');
    expect(stemWord('kendalanya', ['id'])).toBe('kendala');
    expect(stemWord('media', ['id'])).toBe('media');
  });

  it('fixes known stemmer errors with built-in overrides', () => {
    expect(stemWord('kerumitan', ['id'])).toBe('rumit');
    expect(stemWord('terkendala', ['id'])).toBe('kendala');
    expect(stemWord('peserta', ['id'])).toBe('peserta'); // not serta (and)
    expect(stemWord('sebelum', ['id'])).toBe('sebelum'); // not belum (a negation word)
    expect(stemWord('percontohan', ['id'])).toBe('percontohan');
  });

  it('strips the possessive -nya from loanwords', () => {
    expect(stemWord('servernya', ['id'])).toBe('server');
    expect(stemWord('aplikasinya', ['id'])).toBe('aplikasi');
  });

  it('stems English with Porter, per language', () => {
    expect(stemsOf('Difficulties', ['id', 'en'])).toEqual(['difficulties', 'difficulti']);
    expect(stemWord("server's", ['en'])).toBe('server');
  });
});
