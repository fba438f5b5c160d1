import type { Lang } from '../model/codebook.js';
import type { CountingPolicy } from '../model/analysis.js';
import type { Conclusion, LineOfEvidence, TriangulationDimension, VerdictSettings } from '../model/conclusion.js';
import type { ValenceCounts } from '../model/evidence.js';
import { groupLabel, kindLabel, valenceMarks } from '../i18n/labels.js';
import { leanLabel, pct, statusLabel, verdictLabel } from '../i18n/report.js';

const valenced = (c: ValenceCounts) => c.positive + c.negative;

/**
 * The numbers behind one verdict, as a sentence a supervisor can check against the tables, and
 * how much of the evidence a person has reviewed.
 */
export function explainVerdict(c: Conclusion, s: VerdictSettings, lang: Lang): string {
  const reviewed =
    c.total === 0 ? '' : lang === 'id' ? ` Ditinjau peneliti: ${c.reviewed} dari ${c.total}.` : ` Reviewed by a person: ${c.reviewed} of ${c.total}.`;
  return verdictSentence(c, s, lang) + reviewed;
}

function verdictSentence(c: Conclusion, s: VerdictSettings, lang: Lang): string {
  const id = lang === 'id';
  const v = verdictLabel(c.verdict, lang);
  const n = c.counts;
  const who = id
    ? `${c.witnesses} saksi (${c.informants} informan) dalam ${c.sources} sumber`
    : `${c.witnesses} witness${c.witnesses === 1 ? '' : 'es'} (${c.informants} informant${c.informants === 1 ? '' : 's'}) in ${c.sources} source${c.sources === 1 ? '' : 's'}`;
  const cap = v.charAt(0).toUpperCase() + v.slice(1);
  switch (c.reason) {
    case 'too-few-codings':
      return id
        ? `${cap}: ${c.total} koding, kurang dari batas minimum ${s.minCodings}.`
        : `${cap}: ${c.total} coding${c.total === 1 ? '' : 's'}, fewer than the minimum of ${s.minCodings}.`;
    case 'too-few-informants':
      return id
        ? `${cap}: ${who}, kurang dari batas minimum ${s.minInformants} saksi.`
        : `${cap}: ${who}, fewer than the minimum of ${s.minInformants} witnesses.`;
    case 'no-valenced-evidence':
      return id ? `${cap}: seluruh ${c.total} koding netral, tidak ada yang berarah.` : `${cap}: all ${c.total} codings are neutral; none has a direction.`;
    case 'favourable-share':
      return id
        ? `${cap}: ${n.positive} dari ${valenced(n)} koding berarah mendukung (${pct(c.favourableShare)}), mencapai ambang ${pct(s.favourableShare)}; ${who}.`
        : `${cap}: ${n.positive} of ${valenced(n)} codings with a direction are favourable (${pct(c.favourableShare)}), at or above the threshold of ${pct(s.favourableShare)}; ${who}.`;
    case 'unfavourable-share':
      return id
        ? `${cap}: ${n.negative} dari ${valenced(n)} koding berarah melemahkan (${pct(c.unfavourableShare)}), mencapai ambang ${pct(s.unfavourableShare)}; ${who}.`
        : `${cap}: ${n.negative} of ${valenced(n)} codings with a direction are unfavourable (${pct(c.unfavourableShare)}), at or above the threshold of ${pct(s.unfavourableShare)}; ${who}.`;
    case 'between-thresholds':
      return id
        ? `${cap}: ${n.positive} mendukung dan ${n.negative} melemahkan (${pct(c.favourableShare)} mendukung), di bawah ambang ${pct(s.favourableShare)} untuk kedua arah; ${who}.`
        : `${cap}: ${n.positive} favourable and ${n.negative} unfavourable (${pct(c.favourableShare)} favourable), below the ${pct(s.favourableShare)} / ${pct(s.unfavourableShare)} thresholds either way; ${who}.`;
    case 'groups-disagree':
    case 'kinds-disagree': {
      const dim = c.reason === 'groups-disagree' ? c.triangulation?.source : c.triangulation?.method;
      const label = c.reason === 'groups-disagree' ? groupLabel : kindLabel;
      const share = c.favourableShare !== null && c.favourableShare >= 0.5 ? c.favourableShare : c.unfavourableShare;
      const majority = c.favourableShare !== null && c.favourableShare >= 0.5 ? (id ? 'mendukung' : 'favourable') : id ? 'melemahkan' : 'unfavourable';
      const against = majority === 'favourable' || majority === 'mendukung' ? 'unfavourable' : 'favourable';
      const dissent = (dim?.lines ?? [])
        .filter((l) => l.lean === against && valenced(l.counts) >= s.minGroupCodings)
        .map((l) => `${label(l.key, lang)} (${valenceMarks(l.counts)})`);
      const whom = dissent.length ? dissent.join(', ') : id ? 'sebagian kelompok' : 'some groups';
      return id
        ? `${cap}: secara keseluruhan ${pct(share)} ${majority}, tetapi ${whom} condong ke arah sebaliknya dengan sedikitnya ${s.minGroupCodings} koding berarah; ${who}.`
        : `${cap}: ${pct(share)} ${majority} overall, but ${whom} lean${dissent.length === 1 ? 's' : ''} the other way with at least ${s.minGroupCodings} codings with a direction of their own; ${who}.`;
    }
    case 'obstacle-reported':
      return id
        ? `${cap}: ${n.negative} koding menyatakan kendala ini menghambat (ambang ${Math.max(1, s.minObstacleCodings)}); ${n.positive} menyatakan teratasi; ${who}.`
        : `${cap}: ${n.negative} coding${n.negative === 1 ? '' : 's'} say it hinders (threshold ${Math.max(1, s.minObstacleCodings)}); ${n.positive} say it was overcome; ${who}.`;
    case 'obstacle-not-reported':
      return id
        ? `${cap}: ${n.negative} koding menyatakan kendala ini menghambat, kurang dari ambang ${Math.max(1, s.minObstacleCodings)}.`
        : `${cap}: ${n.negative} coding${n.negative === 1 ? '' : 's'} say it hinders, fewer than the threshold of ${Math.max(1, s.minObstacleCodings)}.`;
  }
}

function lineText(l: LineOfEvidence, lang: Lang, label: (k: string, lang: Lang) => string, obstacle: boolean): string {
  return `${label(l.key, lang)}: ${leanLabel(l.lean, lang, obstacle)} (${valenceMarks(l.counts)})`;
}

/** "diverges: providers favourable (+5), users unfavourable (−2); silent: partners." */
export function explainDimension(d: TriangulationDimension, lang: Lang, dim: 'group' | 'kind', obstacle: boolean): string {
  const label = dim === 'group' ? groupLabel : kindLabel;
  const speaking = d.lines.filter((l) => l.total > 0).map((l) => lineText(l, lang, label, obstacle));
  let s = `${statusLabel(d.status, lang)}`;
  if (speaking.length) s += ` — ${speaking.join('; ')}`;
  else s += lang === 'id' ? ' — belum ada bukti' : ' — no evidence yet';
  if (d.silent.length) s += `. ${lang === 'id' ? 'Tidak bersuara' : 'Silent'}: ${d.silent.map((k) => label(k, lang)).join(', ')}`;
  return s + '.';
}

/** The rule as the report states it, with the thresholds in force. */
export function ruleText(s: VerdictSettings, lang: Lang, counting: CountingPolicy): string[] {
  const p = (x: number) => pct(x);
  if (lang === 'id') {
    return [
      counting.perEvidence
        ? `Satuan bukti adalah satu segmen yang dikode dengan satu kode dan satu arah (koding subkode ikut dihitung pada kode induknya): bila beberapa pengode (atau pengode dan kodebuku) memberi kode dan arah yang sama pada satu segmen, bukti itu dihitung sekali dan semua pengodenya dicantumkan. Saksi = informan yang berbeda, ditambah setiap dokumen atau catatan observasi tanpa informan.`
        : `Satuan bukti adalah satu koding setiap pengode (\`coding: { count: coder }\`; koding subkode ikut dihitung pada kode induknya). Saksi = informan yang berbeda, ditambah setiap dokumen atau catatan observasi tanpa informan.`,
      s.requireReview
        ? `Hanya koding yang dibuat atau ditinjau peneliti yang dihitung (\`require_review: true\`); koding otomatis yang belum ditinjau dan yang ditolak tetap tercantum di codings.csv tetapi tidak dihitung.`
        : `Koding yang ditolak peneliti tidak dihitung; koding otomatis yang belum ditinjau dihitung, dan setiap kesimpulan menyebut berapa buktinya yang sudah ditinjau (\`require_review: true\` menghitung yang ditinjau saja).`,
      `**Bukti belum cukup** bila koding kurang dari ${s.minCodings} (\`min_codings\`), saksi kurang dari ${s.minInformants} (\`min_informants\`), atau tidak ada koding yang berarah (+ atau −).`,
      `Selain itu dihitung porsi mendukung = (+) / ((+) + (−)). **Baik (mendukung)** bila porsi ≥ ${p(s.favourableShare)} (\`favourable_share\`); **kurang baik** bila porsi melemahkan ≥ ${p(s.unfavourableShare)} (\`unfavourable_share\`); di antaranya **campuran**.`,
      s.groupAgreement
        ? `Pemeriksaan kesepakatan (\`group_agreement: true\`): kesimpulan yang jelas menjadi **campuran** bila satu kelompok informan atau satu jenis sumber dengan sedikitnya ${s.minGroupCodings} koding berarah (\`min_group_codings\`) condong ke arah sebaliknya.`
        : `Pemeriksaan kesepakatan antarkelompok dimatikan (\`group_agreement: false\`).`,
      `Kendala **ditemukan** bila sedikitnya ${Math.max(1, s.minObstacleCodings)} koding (\`min_obstacle_codings\`) menyatakan kendala itu menghambat (−).`,
      `Ambang dapat diubah di study.yaml pada bagian \`verdicts:\`.`,
    ];
  }
  return [
    counting.perEvidence
      ? `The unit of evidence is a segment coded with one code and one direction (a sub-code's codings also count for its parent): when several coders (or a coder and the codebook) gave a segment the same code and direction, it counts once, with every coder listed. Witnesses = distinct informants, plus each document or observation note that has no informant.`
      : `The unit of evidence is one coding per coder (\`coding: { count: coder }\`; a sub-code's codings also count for its parent). Witnesses = distinct informants, plus each document or observation note that has no informant.`,
    s.requireReview
      ? `Only codings a person made or reviewed count (\`require_review: true\`); automatic codings not yet reviewed, and rejected ones, stay listed in codings.csv but do not count.`
      : `Codings a person rejected do not count; automatic codings not yet reviewed do, and each conclusion says how much of its evidence has been reviewed (\`require_review: true\` counts reviewed evidence only).`,
    `**Insufficient** when there are fewer than ${s.minCodings} codings (\`min_codings\`), fewer than ${s.minInformants} witnesses (\`min_informants\`), or no coding with a direction (+ or −).`,
    `Otherwise the favourable share = (+) / ((+) + (−)). **Favourable** when it is at least ${p(s.favourableShare)} (\`favourable_share\`); **unfavourable** when the unfavourable share is at least ${p(s.unfavourableShare)} (\`unfavourable_share\`); **mixed** in between.`,
    s.groupAgreement
      ? `Agreement check (\`group_agreement: true\`): a clear verdict becomes **mixed** when an informant group or a source kind with at least ${s.minGroupCodings} codings with a direction (\`min_group_codings\`) leans the other way.`
      : `The agreement check across groups is switched off (\`group_agreement: false\`).`,
    `An obstacle is **found** when at least ${Math.max(1, s.minObstacleCodings)} codings (\`min_obstacle_codings\`) say it hinders (−).`,
    `Change the thresholds in study.yaml under \`verdicts:\`.`,
  ];
}
