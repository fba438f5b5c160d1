import type { Lang } from '../model/codebook.js';
import type { AgreementSection, SectionFigures } from '../conclude/agreement/section.js';

/**
 * The report's inter-coder agreement section as plain blocks (sentences and tables of text),
 * so report.md and report.html say the same thing in the same order. Investigator
 * triangulation (Denzin) is the reason a supervisor asks for it: it follows the triangulation
 * section. Figures are those of `qia agree <study>` with its defaults.
 */

export interface AgreementTable {
  caption: string;
  header: string[];
  rows: string[][];
}

export interface AgreementBlocks {
  heading: string;
  /** Before the tables: what was compared. */
  lead: string[];
  tables: AgreementTable[];
  /** After the tables: disagreements, how counts treat several coders, the conventions' sources. */
  notes: string[];
}

const W = {
  heading: { id: 'Kesepakatan Antarpengode', en: 'Inter-coder Agreement' },
  coders: { id: 'Pengode yang dibandingkan', en: 'Coders compared' },
  coder: { id: 'Pengode', en: 'Coder' },
  from: { id: 'Asal koding', en: 'Codings from' },
  units: { id: 'Unit', en: 'Units' },
  overall: { id: 'Kesepakatan keseluruhan', en: 'Overall agreement' },
  perCode: { id: 'Kesepakatan per kode (ada/tidak ada kode)', en: 'Agreement per code (code present or absent)' },
  measure: { id: 'Yang diukur', en: 'Measured' },
  presence: { id: 'Ada/tidak ada kode', en: 'Code present or absent' },
  valence: { id: 'Valensi', en: 'Valence' },
  code: { id: 'Kode', en: 'Code' },
  percent: { id: 'Persentase', en: 'Percent' },
  kappa: { id: 'Kappa', en: 'Kappa' },
  bp: { id: 'Brennan–Prediger', en: 'Brennan–Prediger' },
  alpha: { id: 'Alpha Krippendorff', en: "Krippendorff's alpha" },
  adjudicators: { id: 'Adjudikator (tidak dibandingkan)', en: 'Adjudicators (not compared)' },
} as const;

const ORIGIN: Record<Lang, Record<string, string>> = {
  id: { file: 'berkas pengode', inline: 'tag dalam teks', log: 'log keputusan', codebook: 'buku kode' },
  en: { file: 'coder file', inline: 'inline tags', log: 'decision log', codebook: 'codebook' },
};

export function agreementBlocks(s: AgreementSection, L: Lang): AgreementBlocks {
  const t = (k: keyof typeof W) => W[k][L];
  const lead = [s.method];
  if (s.adjudicators.length) lead.push(`${t('adjudicators')}: ${s.adjudicators.join(', ')}.`);
  const two = s.coders.length === 2;
  const kappaHead = `${t('kappa')} (${two ? 'Cohen' : 'Fleiss'})`;
  const kappaOf = (f: SectionFigures) => (two ? withWord(f.cohenKappa, f.words.cohenKappa, L) : withWord(f.fleissKappa, f.words.fleissKappa, L));
  const figureRow = (name: string, f: SectionFigures) => [name, String(f.units), percent(f.percent, L), kappaOf(f), withWord(f.brennanPrediger, f.words.brennanPrediger, L), alphaText(f, L)];
  const statsHeader = (first: string) => [first, t('units'), t('percent'), kappaHead, t('bp'), t('alpha')];
  return {
    heading: t('heading'),
    lead,
    tables: [
      {
        caption: t('coders'),
        header: [t('coder'), t('from'), t('units')],
        rows: s.coders.map((c) => [c.name, c.from.map((o) => ORIGIN[L][o] ?? o).join(', '), String(c.units)]),
      },
      {
        caption: t('overall'),
        header: statsHeader(t('measure')),
        rows: [figureRow(t('presence'), s.overall.presence), figureRow(t('valence'), s.overall.valence)],
      },
      {
        caption: t('perCode'),
        header: statsHeader(t('code')),
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
