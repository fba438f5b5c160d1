import { describe, expect, it } from 'vitest';
import { readCaptions } from '../../src/sources/captions.js';
import { readCsvTurns } from '../../src/sources/csv-turns.js';
import { readDocx } from '../../src/sources/docx.js';
import { readPdf } from '../../src/sources/pdf.js';
import { readTextFile } from '../../src/sources/text-file.js';
import { makeDocx, makePdf } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

function blockTexts(r: { text: string; blocks?: { span: { start: number; end: number } }[] }): string[] {
  return (r.blocks ?? []).map((b) => r.text.slice(b.span.start, b.span.end));
}

describe('markdown and text files', () => {
  it('reads front matter and reports where the body starts', async () => {
    const r = await readTextFile(enc('---\ninformant: K1\nlokasi: Metro\n---\nP: Halo.\n'), { frontMatter: true });
    expect(r.front).toEqual({ informant: 'K1', lokasi: 'Metro' });
    expect(r.text).toBe('P: Halo.\n');
    expect(r.bodyLine).toBe(5);
    expect(r.problems).toEqual([]);
  });

  it('reports invalid front matter on its line and still reads the body', async () => {
    const r = await readTextFile(enc('---\ninformant: K1\ndate: [2021\n---\nI: Jawaban.\n'), { frontMatter: true });
    expect(r.problems.map((p) => p.code)).toEqual(['source/front-matter-invalid']);
    expect(r.problems[0]!.line).toBeGreaterThanOrEqual(3);
    expect(r.text).toBe('I: Jawaban.\n');
  });

  it('removes inline codes and keeps them with spans in the text without tags', async () => {
    const raw = 'I: Dulu lama. {{relative_advantage.time_saving+}}Sekarang {{complexity.ease_of_use+ | mudah}}cepat{{/}} sekali{{/}}.\n';
    const r = await readTextFile(enc(raw), { frontMatter: true });
    expect(r.text).toBe('I: Dulu lama. Sekarang cepat sekali.\n');
    const tags = r.inlineTags ?? [];
    expect(tags.map((t) => [t.code, t.valence, r.text.slice(t.span.start, t.span.end), t.memo])).toEqual([
      ['relative_advantage.time_saving', 1, 'Sekarang cepat sekali', undefined],
      ['complexity.ease_of_use', 1, 'cepat', 'mudah'],
    ]);
    expect(tags[0]!.column).toBe(15);
  });

  it('warns about unclosed and unmatched inline tags with their position', async () => {
    const r = await readTextFile(enc('---\nx: 1\n---\nI: a {{complexity-}}b\nc {{/trialability}}\n'), { frontMatter: true });
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ['source/inline-tag-unmatched', 5],
      ['source/inline-tag-unclosed', 4],
    ]);
  });

  it('flags binary content', async () => {
    const r = await readTextFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), { frontMatter: true });
    expect(r.problems.map((p) => p.code)).toContain('source/binary');
  });
});

describe('captions', () => {
  it('reads WebVTT voices, merges consecutive cues of one speaker and keeps start times', async () => {
    const vtt = [
      'WEBVTT',
      '',
      'NOTE exported by a transcription service',
      '',
      '1',
      '00:00:01.000 --> 00:00:04.000',
      '<v Pewawancara>Bagaimana pengalaman Ibu?</v>',
      '',
      '00:00:04.500 --> 00:00:08.000',
      '<v Bu Rina>Awalnya bingung,',
      'tapi &amp; sekarang lancar.</v>',
      '',
      '00:00:08.000 --> 00:00:10.000',
      '<v Bu Rina>Petugasnya membantu.</v>',
      '',
    ].join('\n');
    const r = await readCaptions(enc(vtt));
    expect(blockTexts(r)).toEqual(['Pewawancara: Bagaimana pengalaman Ibu?', 'Bu Rina: Awalnya bingung, tapi & sekarang lancar. Petugasnya membantu.']);
    // A block's lines are those of its words (not the timing line); every cue line anchors its words.
    expect(r.blocks!.map((b) => [b.speaker, b.time, b.line, b.endLine])).toEqual([
      ['Pewawancara', '00:00:01.000', 7, 7],
      ['Bu Rina', '00:00:04.500', 10, 14],
    ]);
    const text = r.text;
    expect(r.lineAnchors!.map((a) => [text.slice(a.offset, a.offset + 12), a.line])).toEqual([
      ['Pewawancara:', 7],
      ['Bu Rina: Awa', 10],
      ['tapi & sekar', 11],
      ['Petugasnya m', 14],
    ]);
  });

  it('reads SubRip with `Name:` speakers and comma milliseconds', async () => {
    const srt =
      '1\r\n00:00:01,000 --> 00:00:03,000\r\nP: Sudah lama pakai aplikasinya?\r\n\r\n2\r\n00:00:03,500 --> 00:00:06,000\r\nI: <i>Baru</i> setahun.\r\n';
    const r = await readCaptions(enc(srt));
    expect(blockTexts(r)).toEqual(['P: Sudah lama pakai aplikasinya?', 'I: Baru setahun.']);
    expect(r.blocks!.map((b) => b.time)).toEqual(['00:00:01.000', '00:00:03.500']);
  });

  it('gives a caption file without cues one error, so it is left out with one diagnostic', async () => {
    const r = await readCaptions(enc('this is not a caption file\njust text\n'));
    expect(r.problems.map((p) => [p.code, p.severity, p.line])).toEqual([['source/no-cues', 'error', 1]]);
  });
});

describe('CSV turn tables', () => {
  it('reads speaker,text,time rows with their line numbers', async () => {
    const csv = 'speaker,text,time\nP,"Apa kendalanya?",00:01:00\nI,"Server sering down, terutama\nsaat ramai.",00:01:10\n';
    const r = await readCsvTurns(enc(csv));
    expect(blockTexts(r)).toEqual(['P: Apa kendalanya?', 'I: Server sering down, terutama saat ramai.']);
    // A turn starts on the line its quoted text starts, not where the record ends.
    expect(r.blocks!.map((b) => [b.speaker, b.time, b.line, b.endLine])).toEqual([
      ['P', '00:01:00', 2, 2],
      ['I', '00:01:10', 3, 4],
    ]);
  });

  it('reads an unquoted comma in the last column as part of the text, and reports short rows', async () => {
    const csv = 'speaker,text\nP,Bagaimana?\nI,Ya, mudah, cepat juga\nI\n\nP,"Terima kasih"\n';
    const r = await readCsvTurns(enc(csv));
    expect(blockTexts(r)).toEqual(['P: Bagaimana?', 'I: Ya, mudah, cepat juga', 'P: Terima kasih']);
    expect(r.problems.map((p) => [p.code, p.severity, p.line])).toEqual([
      ['source/csv-row', 'warning', 3],
      ['source/csv-row', 'warning', 4],
    ]);
    expect(r.problems[0]!.message).toContain('read as part of the text');
  });

  it('ignores extra fields when the text is not the last column, with a warning', async () => {
    const r = await readCsvTurns(enc('text,speaker\nHalo,P,extra\n'));
    expect(blockTexts(r)).toEqual(['P: Halo']);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['source/csv-row', 2]]);
    expect(r.problems[0]!.message).toContain('ignored');
  });

  it('names the missing columns', async () => {
    const r = await readCsvTurns(enc('who,said\nP,halo\n'));
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['source/csv-columns', 1]]);
  });
});

describe('Word and PDF', () => {
  it('reads DOCX paragraphs as blocks numbered like lines', async () => {
    const r = await readDocx(makeDocx(['P: Bagaimana alurnya?', 'I: Unggah berkas, lalu video call.', 'Setelah itu menunggu.']));
    expect(r.problems).toEqual([]);
    expect(blockTexts(r)).toEqual(['P: Bagaimana alurnya?', 'I: Unggah berkas, lalu video call.', 'Setelah itu menunggu.']);
    expect(r.blocks!.map((b) => b.line)).toEqual([1, 2, 3]);
  });

  it('reports a broken DOCX', async () => {
    const r = await readDocx(enc('not a zip'));
    expect(r.problems.map((p) => p.code)).toEqual(['source/docx-invalid']);
  });

  it('reads PDF text per page', async () => {
    const r = await readPdf(makePdf([['Rekap klaim JHT 2021.', 'Naik 20 persen.'], ['Halaman dua: kendala server.']]));
    expect(r.problems).toEqual([]);
    expect(r.blocks!.map((b) => b.page)).toEqual([1, 2]);
    expect(blockTexts(r)[1]).toBe('Halaman dua: kendala server.');
    expect(blockTexts(r)[0]).toContain('Naik 20 persen.');
  });

  it('reports a broken PDF', async () => {
    const r = await readPdf(enc('%PDF-1.4\ngarbage'));
    expect(r.problems.map((p) => p.code)).toEqual(['source/pdf-invalid']);
  });
});
