import type { Block } from '../model/source.js';
import { normalizeText } from './normalize.js';
import type { ReadResult } from './reader.js';

/**
 * Word documents through mammoth's raw-text extraction: one block per paragraph, joined by a
 * single line break so that a segment's "line" is the paragraph number a researcher can count.
 */
export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  const mammoth = (await import('mammoth')).default;
  let raw: string;
  try {
    const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    raw = r.value;
  } catch (err) {
    return {
      text: '',
      bodyLine: 1,
      problems: [{ severity: 'error', code: 'source/docx-invalid', message: `cannot read Word document: ${(err as Error).message}`, hint: 'open it in Word or LibreOffice and save it again as .docx' }],
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
