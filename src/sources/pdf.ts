import type { Block } from '../model/source.js';
import { normalizeText } from './normalize.js';
import type { ReadResult } from './reader.js';

/** pdf.js (inside unpdf) expects Promise.withResolvers, which Node 20 lacks. */
function polyfillWithResolvers(): void {
  const P = Promise as unknown as { withResolvers?: unknown };
  if (typeof P.withResolvers === 'function') return;
  P.withResolvers = function withResolvers<T>() {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

/** PDF text per page (no OCR: a scanned PDF has no text and gets a diagnostic). One block per page. */
export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  polyfillWithResolvers();
  const { extractText, getDocumentProxy } = await import('unpdf');
  let pages: string[];
  try {
    // pdf.js takes ownership of the buffer it is given, so hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    const r = await extractText(pdf, { mergePages: false });
    pages = r.text;
    await pdf.destroy();
  } catch (err) {
    return {
      text: '',
      bodyLine: 1,
      problems: [
        {
          severity: 'error',
          code: 'source/pdf-invalid',
          message: `cannot read PDF: ${(err as Error).message}`,
          hint: 'check the file opens in a PDF viewer; a password-protected PDF must be saved without a password',
        },
      ],
    };
  }
  const blocks: Block[] = [];
  const parts: string[] = [];
  let offset = 0;
  pages.forEach((page, i) => {
    const text = normalizeText(page)
      .text.replace(/[ \t]+\n/g, '\n')
      .trim();
    if (text === '') return;
    if (parts.length > 0) offset += 2;
    blocks.push({ span: { start: offset, end: offset + text.length }, page: i + 1 });
    parts.push(text);
    offset += text.length;
  });
  const problems: ReadResult['problems'] = [];
  if (pages.length > 0 && parts.length === 0) {
    problems.push({
      severity: 'error',
      code: 'source/pdf-no-text',
      message: 'the PDF has no text layer (a scan?)',
      hint: 'run OCR on it first, or paste the text into a .txt file',
    });
  }
  return { text: parts.join('\n\n'), bodyLine: 1, blocks, problems };
}
