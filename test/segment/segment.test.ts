import { lineStarts } from '../../src/util/lines.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Informant } from '../../src/model/informant.js';
import type { Source, SourceKind } from '../../src/model/source.js';
import { segmentSource } from '../../src/segment/segment.js';

const informants: Informant[] = [
  { id: 'K1', label: 'Bpk. AS', role: 'head', group: 'provider', attrs: {}, line: 2 },
  { id: 'S1', label: 'Bu Rina', role: 'staff', group: 'provider', attrs: {}, line: 3 },
  { id: 'U1', label: 'Sdr. DF', role: 'user', group: 'user', attrs: {}, line: 4 },
];

function src(text: string, extra: Partial<Source> = {}): Source {
  return {
    id: 'interviews/w01',
    path: 'sources/interviews/w01.md',
    format: 'md',
    kind: 'interview',
    text,
    meta: {},
    hash: '',
    bytes: text.length,
    bodyLine: 1,
    lineStarts: lineStarts(text),
    ...extra,
  };
}

const brief = (s: ReturnType<typeof segmentSource>) => s.map((g) => [g.kind, g.speaker ?? null, g.informant ?? null, g.interviewer, g.text]);

describe('turns', () => {
  it('recognises the label forms transcribers use, with timestamps before or after', () => {
    const text = [
      'P: Selamat pagi.',
      'I: [00:01:02] Pagi, Mas.',
      '[00:01:10] Pewawancara: Bagaimana awalnya?',
      '**Informan:** Karena pandemi.',
      '[Peneliti] Lalu?',
      'Bu Rina (00:02:00): Saya bantu lewat telepon.',
      '**Bpk. AS**: Benar.',
    ].join('\n');
    const segs = segmentSource(src(text), informants, 'id');
    expect(segs.map((s) => [s.speaker, s.time ?? null, s.interviewer, s.informant ?? null, text.slice(s.body.start, s.body.end)])).toEqual([
      ['P', null, true, null, 'Selamat pagi.'],
      ['I', '00:01:02', false, null, 'Pagi, Mas.'],
      ['Pewawancara', '00:01:10', true, null, 'Bagaimana awalnya?'],
      ['Informan', null, false, null, 'Karena pandemi.'],
      ['Peneliti', null, true, null, 'Lalu?'],
      ['Bu Rina', '00:02:00', false, 'S1', 'Saya bantu lewat telepon.'],
      ['Bpk. AS', null, false, 'K1', 'Benar.'],
    ]);
    expect(segs.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `interviews/w01:${n}`));
  });

  it('takes a known label without a space after the colon, but not any word', () => {
    const text = 'P:Bagaimana antreannya?\nI:Sekarang cepat.\nBu Rina:Saya bantu.\nCatatan:penting.\nLihat https://antrean.id\n';
    const segs = segmentSource(src(text), informants, 'id');
    expect(segs.map((s) => [s.speaker ?? null, s.interviewer, s.informant ?? null, text.slice(s.body.start, s.body.end)])).toEqual([
      ['P', true, null, 'Bagaimana antreannya?'],
      ['I', false, null, 'Sekarang cepat.'],
      ['Bu Rina', false, 'S1', 'Saya bantu.\nCatatan:penting.\nLihat https://antrean.id'],
    ]);
  });

  it('lets the study language decide what P and I mean', () => {
    const text = 'I: Could you describe the app?\n\nP: It is easy to use.\n';
    const en = segmentSource(src(text, { informant: 'U1' }), informants, 'en');
    expect(brief(en)).toEqual([
      ['turn', 'I', null, true, 'I: Could you describe the app?'],
      ['turn', 'P', 'U1', false, 'P: It is easy to use.'],
    ]);
    const id = segmentSource(src(text, { informant: 'U1' }), informants, 'id');
    expect(id.map((s) => s.interviewer)).toEqual([false, true]);
  });

  it('maps speakers through front matter `speakers`, and one unmapped voice to the front matter informant', () => {
    const text = 'Mas Budi: Apa kendalanya?\nKartika: Sinyal.\nMas Budi: Lalu?\nKartika: Itu saja.';
    const viaMap = segmentSource(src(text, { meta: { speakers: { 'Mas Budi': 'interviewer', Kartika: 'U1' } } }), informants, 'id');
    expect(viaMap.map((s) => [s.interviewer, s.informant ?? null])).toEqual([
      [true, null],
      [false, 'U1'],
      [true, null],
      [false, 'U1'],
    ]);
    // Without a map, both generic names are unknown voices; neither is the interviewer.
    const plain = segmentSource(src(text, { informant: 'U1' }), informants, 'id');
    expect(plain.map((s) => s.kind)).toEqual(['turn', 'turn', 'turn', 'turn']);
  });

  it('continues a turn over paragraphs without a label, and keeps a heading as its own paragraph', () => {
    const text = '# Wawancara\n\nP: Ceritakan.\n\nI: Awalnya sulit.\n\nSekarang mudah.\n\nP: Terima kasih.';
    const segs = segmentSource(src(text), informants, 'id');
    expect(brief(segs)).toEqual([
      ['paragraph', null, null, false, '# Wawancara'],
      ['turn', 'P', null, true, 'P: Ceritakan.'],
      ['turn', 'I', null, false, 'I: Awalnya sulit.\n\nSekarang mudah.'],
      ['turn', 'P', null, true, 'P: Terima kasih.'],
    ]);
    expect(segs[2]!.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Awalnya sulit.', 'Sekarang mudah.']);
    expect(segs.map((s) => [s.line, s.endLine])).toEqual([
      [1, 1],
      [3, 3],
      [5, 7],
      [9, 9],
    ]);
  });

  it('counts lines from the front matter offset', () => {
    const segs = segmentSource(src('P: Halo.\nI: Halo juga.', { bodyLine: 6 }), informants, 'id');
    expect(segs.map((s) => s.line)).toEqual([6, 7]);
  });

  it('does not take a one-off "Word:" inside an answer for a speaker', () => {
    const text = 'P: Apa saja syaratnya?\nI: Ada beberapa.\nMisalnya: KTP dan KK.\nP: Oke.';
    const segs = segmentSource(src(text), informants, 'id');
    expect(segs.map((s) => s.speaker)).toEqual(['P', 'I', 'P']);
    expect(segs[1]!.text).toBe('I: Ada beberapa.\nMisalnya: KTP dan KK.');
  });
});

describe('paragraphs', () => {
  it('cuts documents and observation notes at blank lines', () => {
    const text = 'Catatan: kantor sepi.\nPetugas siap.\n\n\nAntrean   \n\n  Penutup.';
    const segs = segmentSource(src(text, { kind: 'observation' }), informants, 'id');
    expect(brief(segs)).toEqual([
      ['paragraph', null, null, false, 'Catatan: kantor sepi.\nPetugas siap.'],
      ['paragraph', null, null, false, 'Antrean'],
      ['paragraph', null, null, false, 'Penutup.'],
    ]);
  });

  it('switches a non-interview to turns when it holds speaker turns', () => {
    const text = 'Pewawancara: Apa hasilnya?\nInforman: Antrean berkurang.';
    const segs = segmentSource(src(text, { kind: 'document' }), informants, 'id');
    expect(segs.map((s) => s.kind)).toEqual(['turn', 'turn']);
  });

  it('uses reader blocks: pages and caption speakers', () => {
    const text = 'Halaman satu.\n\nMasih satu.\n\nHalaman dua.';
    const segs = segmentSource(
      src(text, {
        kind: 'document',
        format: 'pdf',
        blocks: [
          { span: { start: 0, end: 26 }, page: 1 },
          { span: { start: 28, end: 40 }, page: 2 },
        ],
      }),
      informants,
      'id',
    );
    expect(segs.map((s) => [s.page, s.text])).toEqual([
      [1, 'Halaman satu.'],
      [1, 'masih satu.'.replace('m', 'M')],
      [2, 'Halaman dua.'],
    ]);
    const cap = 'speaker_1: halo semua\n\nBu Rina: ya';
    const second = cap.indexOf('Bu Rina');
    const c = segmentSource(
      src(cap, {
        format: 'vtt',
        blocks: [
          { span: { start: 0, end: second - 2 }, speaker: 'speaker_1', time: '00:00:01.000', line: 3 },
          { span: { start: second, end: cap.length }, speaker: 'Bu Rina', time: '00:00:05.000', line: 7 },
        ],
        lineAnchors: [
          { offset: 0, line: 3 },
          { offset: second, line: 7 },
        ],
      }),
      informants,
      'id',
    );
    expect(c.map((s) => [s.speaker, s.informant ?? null, s.time, s.line, cap.slice(s.body.start, s.body.end)])).toEqual([
      ['speaker_1', null, '00:00:01.000', 3, 'halo semua'],
      ['Bu Rina', 'S1', '00:00:05.000', 7, 'ya'],
    ]);
  });
});

describe('segment invariants (property)', () => {
  const piece = fc.constantFrom(
    'P: ',
    'I: ',
    'Pewawancara: ',
    '[00:01:02] ',
    '**Informan:** ',
    'Bu Rina: ',
    'Saya ',
    'kami ',
    'dll. ',
    'Dr. ',
    '3.5 ',
    '. ',
    '? ',
    '\n',
    '\n\n',
    '  ',
    '# Judul\n',
    'x',
    '"Ya." ',
    '\t',
  );
  const textArb = fc.array(piece, { maxLength: 80 }).map((a) => a.join(''));
  const kindArb = fc.constantFrom<SourceKind>('interview', 'observation', 'document');

  it('spans lie inside the text, never overlap, match their text, and contain body and sentences', () => {
    fc.assert(
      fc.property(textArb, kindArb, fc.constantFrom<'id' | 'en'>('id', 'en'), (text, kind, lang) => {
        const segs = segmentSource(src(text, { kind }), informants, lang);
        let prevEnd = 0;
        segs.forEach((s, i) => {
          expect(s.n).toBe(i + 1);
          expect(s.id).toBe(`interviews/w01:${i + 1}`);
          expect(s.span.start).toBeGreaterThanOrEqual(prevEnd);
          expect(s.span.end).toBeGreaterThan(s.span.start);
          expect(s.span.end).toBeLessThanOrEqual(text.length);
          expect(s.text).toBe(text.slice(s.span.start, s.span.end));
          expect(s.body.start).toBeGreaterThanOrEqual(s.span.start);
          expect(s.body.end).toBeLessThanOrEqual(s.span.end);
          let prevSentence = s.body.start;
          for (const t of s.sentences) {
            expect(t.start).toBeGreaterThanOrEqual(prevSentence);
            expect(t.end).toBeLessThanOrEqual(s.body.end);
            prevSentence = t.end;
          }
          expect(s.endLine).toBeGreaterThanOrEqual(s.line);
          prevEnd = s.span.end;
        });
        // Everything that is not white space belongs to some segment.
        const covered = segs
          .map((s) => s.text)
          .join('')
          .replace(/\s/g, '');
        expect(covered).toBe(text.replace(/\s/g, ''));
      }),
    );
  });
});
