import type { Analysis } from '../../src/model/analysis.js';
import type { Code, CodeGroup, Valence } from '../../src/model/codebook.js';
import type { Coding } from '../../src/model/coding.js';
import type { Informant } from '../../src/model/informant.js';
import type { Segment } from '../../src/model/segment.js';
import type { Source, SourceKind } from '../../src/model/source.js';
import { lineStarts } from '../../src/util/lines.js';

/** A small hand-built analysis: enough structure for conclusions, none of the reading. */
export interface FixtureSource {
  id: string;
  kind?: SourceKind;
  informant?: string;
  date?: string;
  /** Each turn: [informant or undefined, text, codings as [code, valence]]. */
  turns: Array<[string | undefined, string, Array<[string, Valence]>]>;
}

const CODES: Array<[string, CodeGroup]> = [
  ['relative_advantage', 'attribute'],
  ['relative_advantage.time_saving', 'attribute'],
  ['relative_advantage.cost_saving', 'attribute'],
  ['compatibility', 'attribute'],
  ['complexity', 'attribute'],
  ['complexity.ease_of_use', 'attribute'],
  ['trialability', 'attribute'],
  ['observability', 'attribute'],
  ['obstacle_internal', 'obstacle'],
  ['obstacle_internal.server_system', 'obstacle'],
  ['obstacle_external', 'obstacle'],
  ['obstacle_external.devices', 'obstacle'],
];

export function codebook(): Analysis['codebook'] {
  const codes: Code[] = CODES.map(([id, group], i) => {
    const c: Code = { id, group, label: { en: id, id: id }, definition: {}, include: [], exclude: [], examples: [], pos: { line: i + 1, column: 1 } };
    const dot = id.lastIndexOf('.');
    if (dot > 0) c.parent = id.slice(0, dot);
    return c;
  });
  return { id: 'rogers-test', version: '1.0.0', languages: ['id', 'en'], codes, file: '/tmp/codebook.yaml' };
}

export const INFORMANTS: Informant[] = [
  { id: 'K1', label: 'BS', role: 'head', group: 'provider', attrs: {}, line: 2 },
  { id: 'S1', label: 'RN', role: 'staff', group: 'provider', attrs: {}, line: 3 },
  { id: 'P1', label: 'AH', role: 'user', group: 'user', attrs: {}, line: 4 },
  { id: 'P2', label: 'DW', role: 'user', group: 'user', attrs: {}, line: 5 },
];

export function analysis(sources: FixtureSource[], informants: Informant[] = INFORMANTS): Analysis {
  const srcs: Source[] = [];
  const segments: Segment[] = [];
  const codings: Coding[] = [];
  for (const fs of sources) {
    let text = '';
    fs.turns.forEach(([who, body, codes], i) => {
      const start = text.length;
      text += body + '\n\n';
      const seg: Segment = {
        id: `${fs.id}:${i + 1}`,
        sourceId: fs.id,
        n: i + 1,
        kind: fs.kind === 'interview' || fs.kind === undefined ? 'turn' : 'paragraph',
        span: { start, end: start + body.length },
        text: body,
        sentences: [{ start, end: start + body.length }],
        body: { start, end: start + body.length },
        interviewer: false,
        line: i * 2 + 1,
        endLine: i * 2 + 1,
      };
      const who2 = who ?? fs.informant;
      if (who2) seg.informant = who2;
      segments.push(seg);
      codes.forEach(([code, valence], j) => {
        codings.push({
          segmentId: seg.id,
          sourceId: fs.id,
          code,
          valence,
          coder: 'auto',
          origin: 'rule',
          status: 'auto',
          span: { ...seg.span },
          quote: body,
          prefix: '',
          suffix: '',
          matches: [],
          cues: [],
          score: 10 - j,
        });
      });
    });
    const s: Source = {
      id: fs.id,
      path: `sources/${fs.id}.md`,
      format: 'md',
      kind: fs.kind ?? 'interview',
      text,
      meta: {},
      hash: 'h-' + fs.id,
      bytes: text.length,
      bodyLine: 1,
      lineStarts: lineStarts(text),
    };
    if (fs.informant) s.informant = fs.informant;
    if (fs.date) s.date = fs.date;
    srcs.push(s);
  }
  return {
    study: {
      root: '/tmp/study',
      file: '/tmp/study/study.yaml',
      title: 'Test study',
      case: 'Test case',
      language: 'id',
      codebook: '/tmp/codebook.yaml',
      informants: '/tmp/study/informants.csv',
      sources: [],
      settings: {},
      allowOutside: false,
      variables: {},
    },
    informants,
    sources: srcs,
    segments,
    segmentCount: segments.length,
    speakers: speakersOf(segments),
    codebook: codebook(),
    codings,
    counting: { perEvidence: true, requireReview: false },
    diagnostics: [],
  };
}

function speakersOf(segments: readonly Segment[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of segments) {
    if (s.informant === undefined) continue;
    const list = out.get(s.sourceId) ?? [];
    if (!list.includes(s.informant)) list.push(s.informant);
    out.set(s.sourceId, list);
  }
  return out;
}
