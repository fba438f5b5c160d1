import type { Block } from '../model/source.js';
import { normalizeText } from './normalize.js';
import type { ReadProblem, ReadResult } from './reader.js';
import { unzipSync } from 'fflate';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';

/**
 * Word documents through mammoth's raw-text extraction: one block per paragraph, joined by a
 * single line break so that a segment's "line" is the paragraph number a researcher can count.
 */
export async function readDocx(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<ReadResult> {
  const refused = tooLarge(bytes, limits);
  if (refused) return { text: '', bodyLine: 1, problems: [refused] };
  const mammoth = (await import('mammoth')).default;
  let raw: string;
  try {
    const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    raw = r.value;
  } catch (err) {
    return {
      text: '',
      bodyLine: 1,
      problems: [
        {
          severity: 'error',
          code: 'source/docx-invalid',
          message: `cannot read Word document: ${(err as Error).message}`,
          hint: 'open it in Word or LibreOffice and save it again as .docx',
        },
      ],
    };
  }
  const paragraphs = normalizeText(raw)
    .text.split(/\n{2,}/)
    .map((p) => p.replace(/[ \t]*\n[ \t]*/g, ' ').trim())
    .filter((p) => p !== '');
  const blocks: Block[] = [];
  let offset = 0;
  paragraphs.forEach((p, i) => {
    if (i > 0) offset += 1;
    blocks.push({ span: { start: offset, end: offset + p.length }, line: i + 1, endLine: i + 1 });
    offset += p.length;
  });
  return { text: paragraphs.join('\n'), bodyLine: 1, blocks, problems: [] };
}

/**
 * A Word file past the limits, measured before the extractor sees it: the unzipped size its zip
 * declares, and the paragraphs (`<w:p>`) of its main part. Undefined when it is within them (or
 * not a zip at all, which the extractor reports in its own words).
 */
function tooLarge(bytes: Uint8Array, limits: ReadLimits): ReadProblem | undefined {
  const max = limits.docxMegabytes * 1024 * 1024;
  let declared = 0;
  let main: Uint8Array | undefined;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        declared += f.originalSize;
        return f.name === 'word/document.xml' && declared <= max;
      },
    });
    main = files['word/document.xml'];
  } catch {
    return undefined;
  }
  if (declared > max) {
    return {
      severity: 'error',
      code: 'source/too-large',
      message: `Word file unzips to ${Math.round(declared / 1024 / 1024)} MB, over the limit of ${limits.docxMegabytes} MB; it was not read`,
      hint: 'if it really holds that much text, raise the limit in study.yaml: `limits: { docx_mb: 200 }`',
    };
  }
  if (main) {
    const paragraphs = countParagraphs(main);
    if (paragraphs > limits.paragraphs) {
      return {
        severity: 'error',
        code: 'source/too-large',
        message: `Word file has ${paragraphs} paragraphs, over the limit of ${limits.paragraphs}; it was not read`,
        hint: 'if it really has that many, raise the limit in study.yaml: `limits: { paragraphs: 200000 }`',
      };
    }
  }
  return undefined;
}

/** `<w:p>` and `<w:p …>` elements, counted over the bytes (the tag is ASCII). */
function countParagraphs(xml: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 4 < xml.length; i++) {
    // "<w:p" followed by ">" or white space (not <w:pPr>, <w:proofErr>…)
    if (xml[i] === 0x3c && xml[i + 1] === 0x77 && xml[i + 2] === 0x3a && xml[i + 3] === 0x70) {
      const c = xml[i + 4];
      if (c === 0x3e || c === 0x20 || c === 0x2f) n++;
    }
  }
  return n;
}
