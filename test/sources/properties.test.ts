import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCaptions } from '../../src/sources/captions.js';
import { readCsvTurns } from '../../src/sources/csv-turns.js';
import { readDocx } from '../../src/sources/docx.js';
import { readTextFile } from '../../src/sources/text-file.js';
import type { ReadResult } from '../../src/sources/reader.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** What every reader promises, whatever the file held. */
function checkResult(r: ReadResult, rawLines: number): void {
  expect(r.text).not.toMatch(/\r/);
  expect(r.text.normalize('NFC')).toBe(r.text);
  let prevEnd = 0;
  for (const b of r.blocks ?? []) {
    // Inside the text, in order, never overlapping, never empty.
    expect(b.span.start).toBeGreaterThanOrEqual(prevEnd);
    expect(b.span.end).toBeGreaterThan(b.span.start);
    expect(b.span.end).toBeLessThanOrEqual(r.text.length);
    prevEnd = b.span.end;
    const said = r.text.slice(b.span.start, b.span.end);
    if (b.speaker !== undefined) expect(said.startsWith(`${b.speaker}: `)).toBe(true);
    if (b.line !== undefined) {
      expect(b.line).toBeGreaterThanOrEqual(1);
      expect(b.endLine ?? b.line).toBeGreaterThanOrEqual(b.line);
      expect(b.endLine ?? b.line).toBeLessThanOrEqual(rawLines);
    }
  }
  for (const t of r.inlineTags ?? []) {
    expect(t.span.start).toBeGreaterThanOrEqual(0);
    expect(t.span.end).toBeGreaterThanOrEqual(t.span.start);
    expect(t.span.end).toBeLessThanOrEqual(r.text.length);
  }
  for (const p of r.problems) if (p.line !== undefined) expect(p.line).toBeGreaterThanOrEqual(1);
}

const lines = (s: string) => s.split(/\r\n|\r|\n/).length;

describe('readers on untrusted input (property)', () => {
  it('captions: blocks lie in the text, in order, with their speaker, for any mix of cue pieces', async () => {
    const piece = fc.constantFrom(
      'WEBVTT\n',
      '\n',
      '\r\n',
      '1\n',
      '00:00:01.000 --> 00:00:02.000\n',
      '00:01,500 --> 00:02,000\n',
      '<v Bu Rina>',
      '<v P>',
      '</v>',
      'P: ',
      'Informan: ',
      '[Peneliti] ',
      'mudah ',
      'sulit.',
      '&amp;',
      '<i>',
      'NOTE x\n',
      ' ',
      'é',
      'e\u0301',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }).map((a) => a.join('')),
        async (raw) => {
          checkResult(await readCaptions(enc(raw)), lines(raw));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('CSV turn tables: the same, for any mix of cells, quotes, commas and line ends', async () => {
    const piece = fc.constantFrom(
      'speaker,text,time\n',
      'pembicara,teks\n',
      'P,',
      'I,',
      'Bu Rina,',
      '"',
      '""',
      ',',
      '\n',
      '\r\n',
      'mudah',
      ' sekali',
      '00:01',
      'e\u0301',
      '\n\n',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }).map((a) => a.join('')),
        async (raw) => {
          checkResult(await readCsvTurns(enc(raw)), lines(raw));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('text files: front matter and inline tags never put a span outside the text', async () => {
    const piece = fc.constantFrom(
      '---\n',
      'informant: K1\n',
      'date: [2021\n',
      'kind: interview\n',
      '{{complexity+}}',
      '{{/}}',
      '{{/complexity}}',
      '{{x | memo}}',
      '{{',
      '}}',
      'P: ',
      'I: ',
      'mudah. ',
      '\n',
      '\r\n',
      '\n\n',
      '\ufeff',
      'é',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }).map((a) => a.join('')),
        async (raw) => {
          const r = await readTextFile(enc(raw), { frontMatter: true });
          checkResult(r, lines(raw));
          expect(r.bodyLine).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Word documents: any bytes give a result or one docx-invalid error, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const r = await readDocx(new Uint8Array([0x50, 0x4b, 3, 4, ...bytes]));
        if (r.problems.length > 0) expect(r.problems.map((p) => p.code)).toEqual(['source/docx-invalid']);
        checkResult(r, Number.MAX_SAFE_INTEGER);
      }),
      { numRuns: 50 },
    );
  });
});
