import type { Lang } from '../model/codebook.js';
import { roleLabel, valenceMarks } from '../i18n/labels.js';
import { verdictLabel } from '../i18n/report.js';
import type { Comparison, StabilityRow } from './model.js';

/**
 * A short narrative of patterns and contrasts. Each sentence reads off one display and cites
 * the cases and counts it rests on; none generalises past the cases compared.
 */
export function narrate(c: Comparison): string[] {
  const L = c.lang;
  const n = c.cases.length;
  const out: string[] = [];
  const list = (ids: readonly string[]) => listed(ids, L);
  out.push(
    L === 'id'
      ? `${n} kasus dibandingkan pada ${c.codes.length} kode yang sama di semua buku kode${c.notShared.length ? `; ${c.notShared.length} kode hanya ada di sebagian kasus` : ''}${c.refused.length ? `; ${c.refused.length} kode ditolak karena maknanya berbeda` : ''}.`
      : `${n} case${n === 1 ? '' : 's'} compared on ${c.codes.length} code${c.codes.length === 1 ? '' : 's'} every codebook shares${c.notShared.length ? `; ${c.notShared.length} code${c.notShared.length === 1 ? ' is' : 's are'} in some cases only` : ''}${c.refused.length ? `; ${c.refused.length} refused because the codebooks give ${c.refused.length === 1 ? 'it' : 'them'} different meanings` : ''}.`,
  );
  for (const row of c.stability.filter((r) => r.group !== 'obstacle')) out.push(stabilitySentence(c, row, L));
  const recurrent = c.obstacles.filter((o) => o.foundIn.length >= 2).slice(0, 3);
  for (const o of recurrent) {
    out.push(
      L === 'id'
        ? `Hambatan ${o.label} ditemukan di ${o.foundIn.length} dari ${n} kasus (${list(o.foundIn)}), dengan ${o.totalNegative} bukti menghambat seluruhnya.`
        : `The obstacle ${o.label} is found in ${o.foundIn.length} of ${n} cases (${list(o.foundIn)}), with ${o.totalNegative} pieces of hindering evidence in all.`,
    );
  }
  if (recurrent.length === 0 && c.obstacles.length > 0) {
    out.push(L === 'id' ? 'Tidak ada hambatan yang ditemukan di lebih dari satu kasus.' : 'No obstacle is found in more than one case.');
  }
  for (const r of c.roles.filter((x) => x.pairs.length > 0)) {
    const role = (g: string) => inSentence(roleLabel(g, L), g);
    const ways = r.pairs.flatMap((p) => {
      const [a, b] = p.roles;
      const way = (fav: string, unfav: string, cases: string[]) =>
        cases.length === 0
          ? []
          : [
              L === 'id'
                ? `${role(fav)} mendukung dan ${role(unfav)} melemahkan di ${list(cases)}`
                : `${role(fav)} favourable and ${role(unfav)} unfavourable in ${list(cases)}`,
            ];
      return [...way(a, b, p.firstFavourable), ...way(b, a, p.secondFavourable)];
    });
    const same =
      r.sameWay === true
        ? L === 'id'
          ? ', setiap pasangan selalu ke arah yang sama'
          : ', each pair always the same way'
        : r.sameWay === false
          ? L === 'id'
            ? ', tidak selalu ke arah yang sama'
            : ', not always the same way'
          : '';
    out.push(
      L === 'id'
        ? `Pada ${r.label}, peran informan berbeda arah di ${r.divergent} dari ${n} kasus${same}: ${ways.join('; ')}.`
        : `On ${r.label}, informant roles split in ${r.divergent} of ${n} cases${same}: ${ways.join('; ')}.`,
    );
  }
  out.push(
    L === 'id'
      ? `Pola ini hanya menggambarkan ${n} kasus yang dibandingkan dan jumlah bukti yang dikode di dalamnya; bukan sampel dari suatu populasi.`
      : `These patterns describe only the ${n} cases compared and the coded evidence in them; they are not a sample of any population.`,
  );
  return out;
}

function stabilitySentence(c: Comparison, row: StabilityRow, L: Lang): string {
  const n = c.cases.length;
  const counts = (id: string) => {
    const cell = c.metaMatrix.cells.find((x) => x.case === id && x.code === row.code);
    return cell ? valenceMarks({ ...cell.counts, neutral: 0 }) || '0' : '';
  };
  const insufficient = row.verdicts.insufficient ?? [];
  const tail = insufficient.length
    ? L === 'id'
      ? `; bukti belum cukup di ${listed(insufficient, L)}`
      : `; insufficient evidence in ${listed(insufficient, L)}`
    : '';
  if (!row.modal) return L === 'id' ? `${row.label}: bukti belum cukup di semua kasus.` : `${row.label}: insufficient evidence in every case.`;
  const held = row.verdicts[row.modal] ?? [];
  const heldText = held.length <= NAMED ? held.map((id) => `${id} ${counts(id)}`).join(', ') : ranges(c, row.code, held, L);
  if (row.flips.length === 0) {
    return L === 'id'
      ? `${row.label} ${verdictLabel(row.modal, L)} di ${row.holds} dari ${n} kasus (${heldText})${tail}.`
      : `${row.label} is ${verdictLabel(row.modal, L)} in ${row.holds} of ${n} cases (${heldText})${tail}.`;
  }
  const flips =
    row.flips.length <= NAMED
      ? row.flips.map((f) => `${verdictLabel(f.verdict, L)} ${L === 'id' ? 'di' : 'in'} ${f.case} (${counts(f.case)})`).join(', ')
      : [...new Set(row.flips.map((f) => f.verdict))]
          .map((v) => {
            const ids = row.flips.filter((f) => f.verdict === v).map((f) => f.case);
            return `${verdictLabel(v, L)} ${L === 'id' ? 'di' : 'in'} ${ids.length} (${ids.length <= NAMED ? ids.map((id) => `${id} ${counts(id)}`).join(', ') : ranges(c, row.code, ids, L)})`;
          })
          .join(', ');
  return L === 'id'
    ? `${row.label} ${verdictLabel(row.modal, L)} di ${row.holds} dari ${n} kasus (${heldText}), tetapi ${flips}${tail}.`
    : `${row.label} is ${verdictLabel(row.modal, L)} in ${row.holds} of ${n} cases (${heldText}) but ${flips}${tail}.`;
}

/** Past this many cases a sentence gives counts and ranges instead of naming each case. */
const NAMED = 6;

function listed(ids: readonly string[], L: Lang): string {
  if (ids.length <= NAMED) return ids.join(', ');
  return `${ids.slice(0, NAMED).join(', ')} ${L === 'id' ? `dan ${ids.length - NAMED} lainnya` : `and ${ids.length - NAMED} more`}`;
}

/** The smallest and largest favourable and unfavourable counts of a code over some cases. */
function ranges(c: Comparison, code: string, ids: readonly string[], L: Lang): string {
  const want = new Set(ids);
  const cells = c.metaMatrix.cells.filter((x) => x.code === code && want.has(x.case));
  const span = (xs: number[]) => {
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    return lo === hi ? `${lo}` : `${lo}–${hi}`;
  };
  const pos = span(cells.map((x) => x.counts.positive));
  const neg = span(cells.map((x) => x.counts.negative));
  return L === 'id' ? `tiap kasus +${pos} −${neg}` : `each case +${pos} −${neg}`;
}

/** A role's label inside a sentence: a known role's label in lower case ("staff"), any other as the study wrote it. */
function inSentence(label: string, role: string): string {
  return label === role ? role : label.charAt(0).toLowerCase() + label.slice(1);
}
