/**
 * How much a single source may make qia do: a Word file is a zip, and 457 KB can inflate to half
 * a gigabyte, or hold 200,000 empty paragraphs that keep the extractor busy for minutes. Past a
 * limit the file is refused with a diagnostic that names the study.yaml setting that raises it
 * (`limits: { docx_mb: 200, paragraphs: 100000 }`).
 */
export interface ReadLimits {
  /** Megabytes a .docx may hold once unzipped. */
  docxMegabytes: number;
  /** Paragraphs a .docx may hold. */
  paragraphs: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({ docxMegabytes: 64, paragraphs: 50_000 });

/** study.yaml `limits:` (checked by src/study/load.ts), defaults for what it leaves out. */
export function limitsOf(settings: Record<string, unknown>): ReadLimits {
  const raw = settings['limits'];
  const set = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const num = (k: string, d: number) => (typeof set[k] === 'number' && (set[k] as number) > 0 ? (set[k] as number) : d);
  return { docxMegabytes: num('docx_mb', DEFAULT_LIMITS.docxMegabytes), paragraphs: num('paragraphs', DEFAULT_LIMITS.paragraphs) };
}
