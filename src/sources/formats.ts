import type { SourceFormat, SourceKind } from '../model/source.js';
import type { ReadResult } from './reader.js';
import type { ReadLimits } from './limits.js';
import { cachedExtraction, type Extractor } from '../cache/extract.js';

/**
 * The source formats qia reads: each with the file extensions it claims, the reader (imported
 * only when a file of that format is read) and the kind a file of it is when nothing says.
 * Adding a format is one entry here and one reader file.
 */
export interface FormatSpec {
  extensions: readonly string[];
  read: (bytes: Uint8Array, limits: ReadLimits) => Promise<ReadResult>;
  /** Transcripts by nature (captions, turn tables) are interviews; anything else a document. */
  defaultKind: SourceKind;
}

export const SOURCE_FORMATS = {
  txt: { extensions: ['.txt'], defaultKind: 'document', read: async (b) => (await import('./text-file.js')).readTextFile(b, { frontMatter: true }) },
  md: { extensions: ['.md', '.markdown'], defaultKind: 'document', read: async (b) => (await import('./text-file.js')).readTextFile(b, { frontMatter: true }) },
  vtt: { extensions: ['.vtt'], defaultKind: 'interview', read: async (b) => (await import('./captions.js')).readCaptions(b) },
  srt: { extensions: ['.srt'], defaultKind: 'interview', read: async (b) => (await import('./captions.js')).readCaptions(b) },
  csv: { extensions: ['.csv'], defaultKind: 'interview', read: async (b) => (await import('./csv-turns.js')).readCsvTurns(b) },
  // Word and PDF text is kept in qia's cache: their libraries cost a small study more than its reading.
  docx: {
    extensions: ['.docx'],
    defaultKind: 'document',
    read: (b, limits) => cachedExtraction(EXTRACTORS.docx, b, async () => (await import('./docx.js')).readDocx(b, limits), limits),
  },
  pdf: { extensions: ['.pdf'], defaultKind: 'document', read: (b) => cachedExtraction(EXTRACTORS.pdf, b, async () => (await import('./pdf.js')).readPdf(b)) },
} as const satisfies Record<SourceFormat, FormatSpec>;

/** The cache's description of a reader: its module, the normaliser it shares, its library. */
function extractor(kind: string, file: string, pkg: string): Extractor<ReadResult> {
  return { kind, base: import.meta.url, files: [file, './normalize.js'], packages: [pkg], isValue: isReadResult };
}

function isReadResult(v: unknown): v is ReadResult {
  const r = v as ReadResult | undefined;
  return typeof r === 'object' && r !== null && typeof r.text === 'string' && typeof r.bodyLine === 'number' && Array.isArray(r.problems);
}

/** How the cache knows the Word and PDF readers (their text is cached). */
export const EXTRACTORS = { docx: extractor('docx', './docx.js', 'mammoth'), pdf: extractor('pdf', './pdf.js', 'unpdf') };

const BY_EXTENSION = new Map<string, SourceFormat>();
for (const [format, spec] of Object.entries(SOURCE_FORMATS) as [SourceFormat, FormatSpec][]) for (const ext of spec.extensions) BY_EXTENSION.set(ext, format);

/** The format of a file by its (lower-cased) extension, e.g. `.vtt`. */
export function formatOfExtension(ext: string): SourceFormat | undefined {
  return BY_EXTENSION.get(ext.toLowerCase());
}

/** ".txt, .md, .vtt, .srt, .csv, .docx or .pdf", for messages. */
export function readableExtensions(conjunction: 'or' | 'and' = 'or'): string {
  const main = Object.values(SOURCE_FORMATS).map((s) => s.extensions[0]!);
  return `${main.slice(0, -1).join(', ')} ${conjunction} ${main[main.length - 1]}`;
}
