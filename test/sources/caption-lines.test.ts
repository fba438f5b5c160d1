import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCaptions } from '../../src/sources/captions.js';
import { lineStarts } from '../../src/util/lines.js';
import { lineAt } from '../../src/segment/lines.js';

const enc = (s: string) => new TextEncoder().encode(s);

/*
 * Whatever cues a caption file holds, every word of the read text is said to be on a line of the
 * file that holds that word: lineAt, given the reader's anchors, names the line an editor shows.
 */
describe('caption lines (property)', () => {
  const word = fc.constantFrom('layanan', 'antre', 'cepat', 'sulit', 'aplikasi', 'warga', 'sinyal', 'lemah', 'ya');
  const textLine = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
  const styled = fc
    .tuple(textLine, fc.constantFrom('', '<i>', '<b>', '&amp; '))
    .map(([t, tag]) => (tag.startsWith('<') ? `${tag}${t}${tag.replace('<', '</')}` : `${tag}${t}`));
  const cue = fc.record({
    speaker: fc.constantFrom('', '<v S1>', '<v Pewawancara>', 'S1: ', 'Pewawancara: '),
    lines: fc.array(styled, { minLength: 1, maxLength: 3 }),
    number: fc.boolean(),
    extraBlank: fc.boolean(),
  });
  it('puts every word of the text on a file line that holds it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cue, { minLength: 1, maxLength: 8 }), fc.boolean(), async (cues, vtt) => {
        const out: string[] = vtt ? ['WEBVTT', '', 'NOTE a note', ''] : [];
        cues.forEach((c, i) => {
          if (c.number || !vtt) out.push(String(i + 1));
          out.push(`00:00:0${i % 10}${vtt ? '.' : ','}000 --> 00:00:0${i % 10}${vtt ? '.' : ','}500`);
          out.push(c.speaker + c.lines[0]!, ...c.lines.slice(1));
          out.push('');
          if (c.extraBlank) out.push('');
        });
        const file = out.join('\n');
        const fileLines = file.split('\n');
        const r = await readCaptions(enc(file));
        const source = { bodyLine: 1, lineStarts: lineStarts(r.text), lineAnchors: r.lineAnchors ?? [] };
        for (const m of r.text.matchAll(/\p{L}+/gu)) {
          if (/^(S1|Pewawancara)$/.test(m[0])) continue;
          const line = lineAt(source, m.index);
          expect(fileLines[line - 1], `“${m[0]}” on line ${line} of\n${file}`).toContain(m[0]);
        }
      }),
    );
  });
});
