import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { parse } from 'csv-parse/sync';
import { analyseWithTexts as analyseStudy } from '../helpers/study.js';
import { parseXml, kid, kids } from '../../src/interop/xml-read.js';
import { qia } from '../helpers/cli.js';
import { qdeOf, tmp } from './refi-env.js';

// Emoji (outside the BMP: two UTF-16 units, one code point), flags (two code points), letters
// written decomposed (e + U+0301, which qia reads as é) and Indonesian text: every coded span
// must stay on the same words through export and import.

const BODY = [
  'P: Bagaimana layanannya, Bu?',
  '',
  // "kafe\u0301": decomposed on disk, composed (NFC) once qia has read it.
  'U1: Pelayanan 👍 sangat cepat, kafe\u0301 dan ñ. Saya senang 😀😀 sekali karena prosesnya mudah 🇮🇩 dan tidak antre.',
].join('\n');

const CODINGS: [string, string, string][] = [
  ['Pelayanan 👍 sangat cepat', 'relative_advantage.time_saving', '+'],
  ['kafé dan ñ', 'compatibility', '0'],
  ['senang 😀😀 sekali', 'relative_advantage', '+'],
  ['mudah 🇮🇩', 'complexity', '+'],
  ['tidak antre', 'relative_advantage.time_saving', '-'],
];

function makeStudy(dir: string): void {
  mkdirSync(join(dir, 'sources/interviews'), { recursive: true });
  mkdirSync(join(dir, 'codings'), { recursive: true });
  writeFileSync(
    join(dir, 'study.yaml'),
    'title: "Uji Unicode 👍"\ncase: "Kafé ñ"\nlanguage: id\ncodebook: builtin:rogers\ninformants: informants.csv\nsources:\n  - glob: "sources/interviews/*"\n    kind: interview\n',
  );
  writeFileSync(join(dir, 'informants.csv'), 'id,label,role,group\nU1,Ñoño 😀,user,user\n');
  writeFileSync(join(dir, 'sources/interviews/w01-warga.md'), `---\ninformant: U1\n---\n${BODY}\n`);
  const rows = CODINGS.map(([q, c, v]) => `interviews/w01-warga,,"${q}",${c},${v},rina,"catatan ${q}"`);
  writeFileSync(join(dir, 'codings/rina.csv'), ['source,segment,quote,code,valence,coder,memo', ...rows].join('\n') + '\n');
}

/** The manual codings of a study as (code, the words of the source under its span, valence, memo). */
async function coded(dir: string): Promise<string[]> {
  const a = await analyseStudy(dir, { merge: 'union' });
  expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  const text = new Map(a.sources.map((s) => [s.id, s.text]));
  return a.codings
    .filter((c) => c.coder === 'rina')
    .map((c) => `${c.code} | ${text.get(c.sourceId)!.slice(c.span.start, c.span.end)} | ${c.valence} | ${c.memo ?? ''}`)
    .sort();
}

describe('coded spans keep their words across export and import', () => {
  it('emoji, flags, decomposed letters and ñ', async () => {
    const dir = tmp('uni');
    const study = join(dir, 'study');
    makeStudy(study);
    const before = await coded(study);
    expect(before).toHaveLength(CODINGS.length);
    expect(before).toContain('compatibility | kafé dan ñ | 0 | catatan kafé dan ñ');

    const file = join(dir, 'u.qdpx');
    const ex = qia(['export', 'qdpx', study, '-o', file]);
    expect(ex.status, ex.stderr).toBe(0);

    // Positions in the file count code points: "sangat cepat" starts after one emoji, so its
    // code-point offset is one less than its UTF-16 offset.
    const qde = parseXml(qdeOf(file));
    const source = kid(kid(qde, 'Sources'), 'TextSource')!;
    const sel = kids(source, 'PlainTextSelection').find((s) => s.attrs['name'] === 'Pelayanan 👍 sangat cepat')!;
    const a = await analyseStudy(study, { merge: 'union' });
    const text = a.sources[0]!.text;
    const u16 = text.indexOf('Pelayanan 👍 sangat cepat');
    expect(Number(sel.attrs['startPosition'])).toBe([...text.slice(0, u16)].length);
    expect(Number(sel.attrs['endPosition'])).toBe([...text.slice(0, u16 + 'Pelayanan 👍 sangat cepat'.length)].length);
    expect(Number(sel.attrs['endPosition']) - Number(sel.attrs['startPosition'])).toBe('Pelayanan 👍 sangat cepat'.length - 1);

    const back = join(dir, 'back');
    const imp = qia(['import', 'qdpx', file, '--into', back]);
    expect(imp.status, imp.stderr).toBe(0);
    expect(await coded(back)).toEqual(before);
    // The imported text is the text qia read: composed, LF, no BOM.
    const txt = readFileSync(join(back, 'sources/interviews/w01-warga.txt'), 'utf8');
    expect(txt.endsWith(text)).toBe(true);
    expect(txt).toContain('kafé');
    expect(txt).not.toContain('e\u0301');
  });
});

// ---- projects written the way other programs write them ----

const WORDS = ['sangat cepat', 'kafé', 'senang', 'tidak antre', 'mudah'];

/** A stored text with a BOM, CRLF line ends, emoji and a decomposed é, as NVivo might store it. */
const STORED =
  '\uFEFFP: Bagaimana?\r\nU1: Pelayanan 👍 sangat cepat.\r\n\r\nU1: Di kafe\u0301 👍👍 itu saya senang.\r\nU1: Prosesnya 😀 mudah dan tidak antre 🇮🇩.\r\n';

type Reading = 'utf16' | 'codepoints' | 'codepoints-crlf1';

/** Where `word` is in STORED (BOM not counted), in the given reading. */
function position(word: string, reading: Reading): [number, number] {
  let text = STORED.slice(1);
  if (reading === 'codepoints-crlf1') text = text.replace(/\r\n/g, '\n');
  const w = word === 'kafé' ? 'kafe\u0301' : word;
  const i = text.indexOf(w);
  if (reading === 'utf16') return [i, i + w.length];
  return [[...text.slice(0, i)].length, [...text.slice(0, i + w.length)].length];
}

function foreignQdpx(reading: Reading, folder: string): Uint8Array {
  const guid = (n: number) => `{0000000${n}-abcd-4ef0-8123-456789abcdef}`;
  const sels = WORDS.map((w, i) => {
    const [s, e] = position(w, reading);
    return `<PlainTextSelection guid="${guid(i + 1).replace('{0', '{a')}" startPosition="${s}" endPosition="${e}" creatingUser="${guid(9)}"><Coding guid="${guid(i + 1).replace('{0', '{b')}"><CodeRef targetGUID="${guid(8)}"/></Coding></PlainTextSelection>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Foreign" origin="some desktop program">
<Users><User guid="${guid(9)}" name="Ana Pérez"/></Users>
<CodeBook><Codes><Code guid="${guid(8)}" name="Kemudahan" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="${guid(7)}" name="Wawancara 1" plainTextPath="internal://${guid(7).slice(1, -1)}.txt">${sels.join('')}</TextSource></Sources>
</Project>`;
  return zipSync({ 'project.qde': new TextEncoder().encode(xml), [`${folder}/${guid(7).slice(1, -1)}.txt`]: new TextEncoder().encode(STORED) });
}

function importedQuotes(dir: string): string[] {
  const rows = parse(readFileSync(join(dir, 'codings/ana-perez.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  return rows.map((r) => r['quote']!);
}

describe('selection offsets written by other programs', () => {
  for (const [reading, folder] of [
    ['utf16', 'Sources'],
    ['codepoints', 'sources'],
    ['codepoints-crlf1', 'sources'],
  ] as const) {
    it(`${reading} positions (folder ${folder}/) are recognised and land on the same words`, async () => {
      const dir = tmp('foreign');
      const file = join(dir, 'f.qdpx');
      writeFileSync(file, foreignQdpx(reading, folder));
      const study = join(dir, 'study');
      const r = qia(['import', 'qdpx', file, '--into', study]);
      expect(r.status, r.stderr).toBe(0);
      expect(importedQuotes(study).sort()).toEqual([...WORDS].sort());
      if (reading !== 'codepoints') expect(r.stderr).toContain('[import/offsets]');
      // And qia places every one of them.
      const a = await analyseStudy(study, { merge: 'union' });
      // The foreign project links no case to its source, so the interview names no informant (said once, as a warning).
      expect(a.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual(['source/no-informant']);
      const text = a.sources[0]!.text;
      expect(a.codings.map((c) => text.slice(c.span.start, c.span.end)).sort()).toEqual([...WORDS].sort());
    });
  }

  it('--offsets forces the unit', () => {
    const dir = tmp('forced');
    const file = join(dir, 'f.qdpx');
    writeFileSync(file, foreignQdpx('utf16', 'Sources'));
    const r = qia(['import', 'qdpx', file, '--into', join(dir, 'study'), '--offsets', 'codepoints']);
    expect(r.status, r.stderr).toBe(0);
    // Read as code points, UTF-16 positions after an emoji land one character late.
    expect(importedQuotes(join(dir, 'study'))).not.toEqual(expect.arrayContaining(['tidak antre']));
  });
});
