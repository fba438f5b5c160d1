import { describe, expect, it } from 'vitest';
import { compileQuery } from '../../src/match/query.js';

const text = 'Kemudahan aplikasi ini mempermudah peserta. Kendalanya server down, terkendala jaringan. Servernya DOWN lagi.';
const found = (q: string, base = 0) => compileQuery(q, ['id', 'en'])(text, base).map((s) => text.slice(s.start - base, s.end - base));

describe('compileQuery (what qia kwic matches)', () => {
  it('matches a word on its stem', () => {
    expect(found('mudah')).toEqual(['Kemudahan', 'mempermudah']);
  });
  it('matches a phrase across inflection and case', () => {
    expect(found('"server down"')).toEqual(['server down', 'Servernya DOWN']);
  });
  it('matches prefix and infix globs on the surface word', () => {
    expect(found('kendala*')).toEqual(['Kendalanya']);
    expect(found('*kendala*')).toEqual(['Kendalanya', 'terkendala']);
  });
  it('matches alternatives and returns absolute spans', () => {
    const spans = compileQuery('jaringan|sinyal', ['id'])(text, 1000);
    expect(spans).toEqual([{ start: 1000 + text.indexOf('jaringan'), end: 1000 + text.indexOf('jaringan') + 8 }]);
  });
  it('returns nothing for a term no word can match', () => {
    expect(found('***')).toEqual([]);
    expect(found('!?')).toEqual([]);
  });
});
