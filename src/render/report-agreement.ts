import type { Lang } from '../model/codebook.js';
import type { AgreementSection, SectionFigures } from '../conclude/agreement/section.js';
import { tr, type ReportTerm } from '../i18n/report.js';
import type { CoderOrigin } from '../conclude/agreement/study-coders.js';

/**
 * The report's inter-coder agreement section as plain blocks (sentences and tables of text),
 * so report.md and report.html say the same thing in the same order. Investigator
 * triangulation (Denzin) is the reason a supervisor asks for it: it follows the triangulation
 * section. Figures are those of `qia agree <study>` with its defaults.
 */

/** Where a coder's codings come from, in the report's words. */
const ORIGIN_TERM: Record<CoderOrigin, ReportTerm> = { file: 'originFile', inline: 'originInline', log: 'originLog', codebook: 'originCodebook' };

export interface AgreementTable {
  caption: string;
  header: string[];
  rows: string[][];
}

export interface AgreementBlocks {
  /** Before the tables: what was compared. */
  lead: string[];
  tables: AgreementTable[];
  /** After the tables: disagreements, how counts treat several coders, the conventions' sources. */
  notes: string[];
}

export function agreementBlocks(s: AgreementSection, L: Lang): AgreementBlocks {
  const lead = [s.method];
  if (s.adjudicators.length) lead.push(`${tr(L, 'agreementAdjudicators')}: ${s.adjudicators.join(', ')}.`);
  const two = s.coders.length === 2;
  const kappaHead = `${tr(L, 'agreementKappa')} (${two ? 'Cohen' : 'Fleiss'})`;
  const kappaOf = (f: SectionFigures) => (two ? withWord(f.cohenKappa, f.words.cohenKappa, L) : withWord(f.fleissKappa, f.words.fleissKappa, L));
  const figureRow = (name: string, f: SectionFigures) => [
    name,
    String(f.units),
    percent(f.percent, L),
    kappaOf(f),
    withWord(f.brennanPrediger, f.words.brennanPrediger, L),
    alphaText(f, L),
  ];
  const statsHeader = (first: string) => [first, tr(L, 'agreementUnits'), tr(L, 'agreementPercent'), kappaHead, tr(L, 'agreementBP'), tr(L, 'agreementAlpha')];
  return {
    lead,
    tables: [
      {
        caption: tr(L, 'agreementCoders'),
        header: [tr(L, 'agreementCoder'), tr(L, 'agreementFrom'), tr(L, 'agreementUnits')],
        rows: s.coders.map((c) => [c.name, c.from.map((o) => tr(L, ORIGIN_TERM[o])).join(', '), String(c.units)]),
      },
      {
        caption: tr(L, 'agreementOverall'),
        header: statsHeader(tr(L, 'agreementMeasure')),
        rows: [figureRow(tr(L, 'agreementPresence'), s.overall.presence), figureRow(tr(L, 'agreementValence'), s.overall.valence)],
      },
      {
        caption: tr(L, 'agreementPerCode'),
        header: statsHeader(tr(L, 'code')),
        rows: s.codes.map((c) => figureRow(c.label, c.presence)),
      },
    ],
    notes: [disagreementSentence(s, L), s.counting, sourcesSentence(s, L)],
  };
}

function number(x: number, L: Lang): string {
  const s = x.toFixed(3);
  return L === 'id' ? s.replace('.', ',') : s;
}

function withWord(x: number | null, word: string | null, L: Lang): string {
  if (x === null) return '—';
  return word ? `${number(x, L)} (${word})` : number(x, L);
}

function percent(p: number | null, L: Lang): string {
  if (p === null) return '—';
  const s = p.toFixed(1);
  return `${L === 'id' ? s.replace('.', ',') : s} %`;
}

function alphaText(f: SectionFigures, L: Lang): string {
  const base = withWord(f.alpha, f.words.alpha, L);
  if (!f.alphaInterval) return base;
  const [lo, hi] = f.alphaInterval;
  return `${base}, 95 % [${number(lo, L)}; ${number(hi, L)}]`;
}

function disagreementSentence(s: AgreementSection, L: Lang): string {
  if (L === 'id') {
    return s.disagreements === 0
      ? 'Tidak ada ketidaksepakatan antarpengode pada unit yang dibandingkan.'
      : `${s.disagreements} pasangan unit × kode diberi kode berbeda oleh para pengode; ${s.adjudicated} di antaranya sudah diputuskan adjudikator (\`qia agree --disagreements\`, \`qia review --disagreements\`).`;
  }
  return s.disagreements === 0
    ? 'The coders did not disagree on any unit compared.'
    : `The coders differ on ${s.disagreements} unit × code pairs; an adjudicator has decided ${s.adjudicated} of them (\`qia agree --disagreements\`, \`qia review --disagreements\`).`;
}

function sourcesSentence(s: AgreementSection, L: Lang): string {
  const { kappa, alpha } = s.interpretationSources;
  return L === 'id'
    ? `Kata di samping angka mengikuti konvensi, bukan uji: kappa menurut ${kappa}, alpha menurut ${alpha} (≥ 0,800 andal; 0,667–0,800 hanya untuk kesimpulan sementara).`
    : `The words beside the figures follow conventions, not tests: kappa after ${kappa}, alpha after ${alpha} (≥ .800 reliable; .667–.800 tentative conclusions only).`;
}
