import type { Lang } from '../../model/codebook.js';
import type { CodedStudy, Corpus } from '../../pipeline/run.js';
import type { OpenedStudy } from '../../study/open.js';
import { codeLabel } from '../../codebook/codes.js';
import { INTERPRETATION_SOURCES, interpretAlpha, interpretKappa } from './interpret.js';
import type { AgreementStats } from './result.js';
import { AUTO_CODER, studyCoders, type CoderOrigin } from './study-coders.js';
import { studyAgreement, type StudyAgreement, type StudyAgreementInput, type StudyAgreementOptions } from './study.js';

/**
 * The inter-coder agreement section of the report, as data: present when a study has two or
 * more coders who are persons (manual coders and reviewers; an adjudicator is not one). The
 * figures are those `qia agree <study>` prints with its defaults (segments, top-level codes,
 * presence and valence nominal), without alpha's bootstrap interval unless asked for.
 */

export interface SectionFigures {
  /** Units compared (two or more coders read them). */
  units: number;
  /** 0–100. */
  percent: number | null;
  cohenKappa: number | null;
  fleissKappa: number | null;
  brennanPrediger: number | null;
  alpha: number | null;
  /** Alpha's 95 % bootstrap interval, when the section was made with one. */
  alphaInterval: [number, number] | null;
  /** Interpretation words in the report's language (null where the statistic is). */
  words: { cohenKappa: string | null; fleissKappa: string | null; brennanPrediger: string | null; alpha: string | null };
}

export interface AgreementSection {
  unit: 'segment';
  coders: Array<{ name: string; from: CoderOrigin[]; units: number }>;
  adjudicators: string[];
  /** One sentence naming what was compared, in the report's language. */
  method: string;
  /** One sentence on how the codings of several coders count in the report, in its language. */
  counting: string;
  overall: { presence: SectionFigures; valence: SectionFigures };
  /** Per compared code (the top-level codes, in codebook order). */
  codes: Array<{ code: string; label: string; presence: SectionFigures; valence: SectionFigures }>;
  /** Unit × code pairs where the coders differ, and how many of them an adjudicator decided. */
  disagreements: number;
  adjudicated: number;
  bootstrap: { draws: number; seed: number; confidence: number } | null;
  interpretationSources: { kappa: string; alpha: string };
}

/** What the study mode of `qia agree` and the report compare, from the opened and coded study. */
export function agreementInput(opened: OpenedStudy, coded: CodedStudy & { corpus?: Corpus }): StudyAgreementInput {
  return {
    codebook: coded.analysis.codebook,
    codes: new Set(coded.analysis.codebook.codes.map((c) => c.id)),
    segments: coded.corpus?.segments ?? coded.parts.segments,
    sources: coded.corpus?.sources ?? coded.analysis.sources,
    auto: coded.parts.auto,
    manual: coded.parts.manual,
    logs: opened.decisionLogs,
  };
}

/**
 * The report's section, or undefined when fewer than two persons coded the study. Without
 * `bootstrap` it has no intervals (`alphaInterval` null): the report is written on every run, and
 * alpha's bootstrap over every unit and code would cost more than the rest of the section
 * (about 0.15 s on the sample, against 0.07 s); `qia agree` gives them.
 */
export function agreementSection(
  opened: OpenedStudy,
  coded: CodedStudy & { corpus?: Corpus },
  lang: Lang,
  options: Pick<StudyAgreementOptions, 'bootstrap'> = {},
): AgreementSection | undefined {
  const input = agreementInput(opened, coded);
  // Two persons are needed at all (most studies have none: no coder file, tag or decision log).
  if (input.manual.length === 0 && input.logs.every((l) => l.length === 0)) return undefined;
  if (studyCoders(input).filter((c) => c.name !== AUTO_CODER).length < 2) return undefined;
  // Intervals, when asked for, for the pooled figures only: one per code and figure would cost more still.
  const a = studyAgreement(input, { bootstrap: options.bootstrap ?? false, perCodeIntervals: false });
  if (a.chosenBy !== 'persons') return undefined;
  return sectionOf(a, coded, lang);
}

function sectionOf(a: StudyAgreement, coded: CodedStudy, lang: Lang): AgreementSection {
  const codebook = coded.analysis.codebook;
  const valenceOf = new Map(a.valence.perCode.map((c) => [c.code, c.stats]));
  const b = a.presence.bootstrap;
  return {
    unit: 'segment',
    coders: a.coders.map((c) => ({ name: c.name, from: [...c.from], units: c.units })),
    adjudicators: [...a.adjudicators],
    method: methodSentence(a, lang),
    counting: countingSentence(coded.analysis.counting.perEvidence, lang),
    overall: { presence: figures(a.presence.overall, lang), valence: figures(a.valence.overall, lang) },
    codes: a.presence.perCode.map((c) => ({
      code: c.code,
      label: codeLabel(codebook, c.code, lang),
      presence: figures(c.stats, lang),
      valence: figures(valenceOf.get(c.code)!, lang),
    })),
    disagreements: a.disagreements.length,
    adjudicated: a.adjudicated,
    bootstrap: b ? { draws: b.draws, seed: b.seed, confidence: b.confidence } : null,
    interpretationSources: { kappa: INTERPRETATION_SOURCES.kappa, alpha: INTERPRETATION_SOURCES.alpha },
  };
}

export function figures(s: AgreementStats, lang: Lang): SectionFigures {
  return {
    units: s.units,
    percent: s.percent,
    cohenKappa: s.cohenKappa,
    fleissKappa: s.fleissKappa,
    brennanPrediger: s.brennanPrediger,
    alpha: s.alpha,
    alphaInterval: s.alphaInterval ? [s.alphaInterval.lo, s.alphaInterval.hi] : null,
    words: {
      cohenKappa: interpretKappa(s.cohenKappa, lang),
      fleissKappa: interpretKappa(s.fleissKappa, lang),
      brennanPrediger: interpretKappa(s.brennanPrediger, lang),
      alpha: interpretAlpha(s.alpha, lang),
    },
  };
}

/** "Agreement of coder-a and coder-b on 104 segments: …", the compared data in one sentence. */
export function methodSentence(a: Pick<StudyAgreement, 'coders' | 'codes' | 'unit' | 'presence'>, lang: Lang): string {
  const names = joinNames(
    a.coders.map((c) => c.name),
    lang,
  );
  const n = a.presence.perCode[0]?.stats.unitsTotal ?? 0;
  const unit = UNIT_WORDS[lang][a.unit];
  const codes = a.codes.length;
  return lang === 'id'
    ? `Kesepakatan ${names} atas ${n} ${unit}: untuk tiap ${unit} dan tiap kode (${codes} kode, subkode digabung ke kodenya), diterapkan atau tidak, dan arah (valensi) bila sedikitnya dua pengode menerapkannya.`
    : `Agreement of ${names} on ${n} ${unit}${n === 1 ? '' : 's'}: for each ${unit} and each code (${codes} code${codes === 1 ? '' : 's'}, sub-codes rolled up into their code), applied or not, and the valence where two or more coders applied it.`;
}

/** How the coders' codings count in the report (src/index/counted.ts), in one sentence. */
export function countingSentence(perEvidence: boolean, lang: Lang): string {
  if (lang === 'id') {
    return perEvidence
      ? 'Kesepakatan diukur pada koding masing-masing pengode; dalam hitungan matriks, simpulan, dan laporan, segmen yang diberi kode dan valensi yang sama oleh beberapa pengode dihitung satu kali dengan semua pengodenya dicatat, dan keputusan adjudikator berlaku seperti keputusan peninjau lain.'
      : 'Kesepakatan diukur pada koding masing-masing pengode; dalam hitungan matriks, simpulan, dan laporan, koding setiap pengode dihitung sendiri-sendiri (coding.count: coder), dan keputusan adjudikator berlaku seperti keputusan peninjau lain.';
  }
  return perEvidence
    ? "Agreement is measured on each coder's own codings; in the counts of the matrices, verdicts and report a segment coded with the same code and valence by several coders counts once, with all its coders listed, and an adjudicator's decisions apply like any reviewer's."
    : "Agreement is measured on each coder's own codings; in the counts of the matrices, verdicts and report every coder's coding counts on its own (coding.count: coder), and an adjudicator's decisions apply like any reviewer's.";
}

const UNIT_WORDS: Record<Lang, Record<StudyAgreement['unit'], string>> = {
  en: { segment: 'segment', sentence: 'sentence', paragraph: 'paragraph', source: 'source' },
  id: { segment: 'segmen', sentence: 'kalimat', paragraph: 'paragraf', source: 'sumber' },
};

export function unitWord(unit: StudyAgreement['unit'], lang: Lang): string {
  return UNIT_WORDS[lang][unit];
}

function joinNames(names: readonly string[], lang: Lang): string {
  const and = lang === 'id' ? 'dan' : 'and';
  if (names.length <= 2) return names.join(` ${and} `);
  return `${names.slice(0, -1).join(', ')}${lang === 'en' ? ',' : ''} ${and} ${names[names.length - 1]}`;
}
