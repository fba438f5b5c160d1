import type { Matrix } from '../model/matrix.js';
import { withoutRefs } from '../display/common.js';
import { stableJson } from './index.js';
import { memosOn, type Report } from '../report/build.js';
import { explainVerdict } from './explain-verdict.js';
import { formatTag } from './json-kinds.js';

/**
 * The report as data for scripts: for every code its verdict, the rule clause that decided it,
 * the counts behind it, triangulation and every negative case. Displays keep their counts and
 * texts; the per-cell coding links are left to `qia matrix --format json`, which keeps this
 * file small on large studies.
 */
export function renderReportJson(r: Report): string {
  return stableJson({
    format: formatTag('report'),
    tool: r.tool,
    lang: r.lang,
    study: r.study,
    settings: {
      verdicts: {
        min_informants: r.settings.minInformants,
        min_codings: r.settings.minCodings,
        favourable_share: r.settings.favourableShare,
        unfavourable_share: r.settings.unfavourableShare,
        group_agreement: r.settings.groupAgreement,
        min_group_codings: r.settings.minGroupCodings,
        min_obstacle_codings: r.settings.minObstacleCodings,
      },
    },
    informants: r.informants,
    codes: r.conclusions.map((c) => ({
      ...c,
      label: r.labels[c.code] ?? c.code,
      counts: { ...c.counts, total: c.total },
      explanation: explainVerdict(c, r.settings, r.lang),
      memos: memosOn(r, c.code),
    })),
    memos: r.memos,
    displays: r.displays.map((d) => ({ type: d.type, matrix: matrixWithoutRefs(d.matrix) })),
    saturation: r.saturation,
    codebook: r.codebook,
    audit: r.audit,
  });
}

function matrixWithoutRefs(m: Matrix): Omit<Matrix, 'cells'> & { cells: Array<Omit<Matrix['cells'][number], 'refs'>> } {
  return { ...m, cells: m.cells.map(withoutRefs) };
}
