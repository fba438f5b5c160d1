import type { Segment } from '../model/segment.js';
import { listSentences, LEAD_RULE, type Namer } from './decide.js';

/**
 * A findings chapter introduces an informant's words with a sentence that names the attribute
 * ("Dari sisi kesesuaian, layanan ini dinilai tepat. Hal ini disampaikan oleh Kepala Seksi:")
 * and then quotes them in a paragraph of their own, often without a word of the attribute's
 * vocabulary. The quote is filed under the attribute its lead-in names, as an interview answer is
 * read under its question (question-context.ts) and a paragraph under its heading. The rule id of
 * such a coding is `lead-context` (LEAD_RULE, kept in decide.ts, which weighs it as context).
 */
export { LEAD_RULE };

/** A lead-in that names more attributes than this is a list or a summary, not the topic of what follows. */
const MAX_LEAD_CODES = 2;

/**
 * Whether a document paragraph is a quotation: it opens with a quotation mark, or closes with
 * an attribution ("…," kata Rina; "(Wawancara dengan Kepala Seksi, 12 Maret 2022)").
 */
export function isQuoteParagraph(text: string): boolean {
  const t = text.trim();
  if (/^[>*_]*\s*["“”„«‘']/u.test(t)) return true;
  if (/\(\s*(?:hasil\s+)?wawancara\b[^)]*\)\s*\.?$/iu.test(t)) return true;
  // a closing quotation mark, then who said it: ”, kata / ujar / ungkap / jelas / tutur / tambah X
  return /["”’]\s*,?\s*(?:kata|ujar|ungkap|ujarnya|katanya|jelas|jelasnya|tutur|tambah|imbuh|tegas|terang|said|says)\b/iu.test(t);
}

/**
 * Follows a document's paragraphs in order and says which attributes the current one is read
 * under: those a paragraph just before a run of quotations named (at most two, outside any list
 * of attributes).
 */
export class LeadContext {
  private source = '';
  private lead: ReadonlySet<string> = new Set();
  private introduces = false;
  /** The paragraph that named the lead's attributes (for the memo). */
  leadIn: Segment | undefined;
  constructor(private readonly namer: Namer) {}

  /** A heading starts a new part: what came before it leads nothing after it. */
  reset(): void {
    this.lead = new Set();
    this.leadIn = undefined;
    this.introduces = false;
  }

  /**
   * The codes `seg` is read under (empty unless it is a quotation after a lead-in), then
   * remembers what `seg` itself names for the paragraphs after it.
   */
  next(seg: Segment): ReadonlySet<string> {
    if (seg.sourceId !== this.source) {
      this.source = seg.sourceId;
      this.reset();
    }
    const quote = isQuoteParagraph(seg.text) || this.introduces;
    const out = quote ? this.lead : new Set<string>();
    if (!quote) {
      this.lead = this.named(seg);
      this.leadIn = this.lead.size > 0 ? seg : undefined;
    }
    // a lead-in ending in a colon introduces the next paragraph whatever its punctuation
    this.introduces = !quote && this.lead.size > 0 && /:\s*$/.test(seg.text);
    return out;
  }

  private named(seg: Segment): ReadonlySet<string> {
    if (!this.namer.any(seg.text)) return new Set();
    const lists = listSentences(seg.sentences, seg.text, seg.span.start, this.namer);
    if (lists.length > 0) return new Set();
    const names = this.namer.named(seg.text);
    return names.size <= MAX_LEAD_CODES ? names : new Set();
  }
}
