import type { Conclusion } from '../model/conclusion.js';
import type { Lang } from '../model/codebook.js';
import type { Report } from '../report/build.js';
import { tr } from '../i18n/report.js';

/**
 * The report's sections, in order: the one list report.md and report.html (and its contents
 * bar) are made from. Adding a section is one entry here and one renderer per form (the
 * renderers' tables are typed by these ids, so a form without it does not compile).
 */
export const REPORT_SECTION_IDS = [
  'glance',
  'heatmap',
  'informants',
  'findings',
  'displays',
  'obstacles',
  'triangulation',
  'agreement',
  'verdicts',
  'saturation',
  'appendix',
] as const;
export type ReportSectionId = (typeof REPORT_SECTION_IDS)[number];

interface SectionSpec {
  /** Numbered sections are the chapter's; the overview at the top is not. */
  numbered: boolean;
  /** The interactive heatmap is the page's alone. */
  htmlOnly?: boolean;
  title: (r: Report) => string;
  /** Sections with nothing to say are left out (and the later ones numbered up). */
  present?: (r: Report) => boolean;
}

const SPECS: Record<ReportSectionId, SectionSpec> = {
  glance: { numbered: false, title: (r) => tr(r.lang, 'glance') },
  heatmap: { numbered: false, htmlOnly: true, title: (r) => tr(r.lang, 'heatmap') },
  informants: { numbered: true, title: (r) => tr(r.lang, 'informants') },
  findings: { numbered: true, title: (r) => tr(r.lang, 'findings') },
  displays: { numbered: true, title: (r) => tr(r.lang, 'displays') },
  obstacles: { numbered: true, title: (r) => tr(r.lang, 'obstacles') },
  triangulation: { numbered: true, title: (r) => tr(r.lang, 'triangulation') },
  agreement: { numbered: true, title: (r) => tr(r.lang, 'agreementHeading'), present: (r) => r.agreement !== undefined },
  verdicts: { numbered: true, title: (r) => tr(r.lang, 'verdicts') },
  saturation: { numbered: true, title: (r) => tr(r.lang, 'saturation') },
  appendix: { numbered: true, title: (r) => tr(r.lang, 'appendix') },
};

export interface PlacedSection {
  id: ReportSectionId;
  title: string;
  /** The chapter number, for numbered sections. */
  number?: number;
}

/** The sections of this report in one form, with their numbers. */
export function reportSections(r: Report, form: 'md' | 'html'): PlacedSection[] {
  const out: PlacedSection[] = [];
  let n = 0;
  for (const id of REPORT_SECTION_IDS) {
    const spec = SPECS[id];
    if (spec.htmlOnly && form !== 'html') continue;
    if (spec.present && !spec.present(r)) continue;
    const placed: PlacedSection = { id, title: spec.title(r) };
    if (spec.numbered) placed.number = ++n;
    out.push(placed);
  }
  return out;
}

/** What every section renderer gets: the report, its language, labels and the top-level conclusions split as the chapter uses them. */
export interface SectionContext {
  r: Report;
  L: Lang;
  label: (code: string) => string;
  attrs: Conclusion[];
  obstacles: Conclusion[];
  /** Attributes, then obstacles. */
  top: Conclusion[];
}

export function sectionContext(r: Report): SectionContext {
  const attrs = r.conclusions.filter((c) => c.depth === 0 && c.group !== 'obstacle');
  const obstacles = r.conclusions.filter((c) => c.depth === 0 && c.group === 'obstacle');
  return { r, L: r.lang, label: (code) => r.labels[code] ?? code, attrs, obstacles, top: [...attrs, ...obstacles] };
}
