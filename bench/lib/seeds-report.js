// `node bench/accuracy.js --seeds [--held-out] [--list] [--codebook FILE] [--json]`: the coder on
// the real-text development set. See bench/lib/seeds.js.
import {
  calibration,
  codeSeeds,
  printAsAuthors,
  printCalibration,
  printConfusion,
  printScore,
  printVerdicts,
  reading,
  score,
  scoreAsAuthors,
  seedSegments,
  verdictCheck,
} from './seeds.js';

const dist = (p) => import(new URL(`../../dist/${p}`, import.meta.url).href);

export async function runSeeds(opt) {
  const { DEFAULT_MIN_SCORE } = await dist('index/counted.js');
  opt = { ...opt, minScore: opt.minScore ?? DEFAULT_MIN_SCORE };
  const [{ loadCodebook }, { compileCodebook }] = await Promise.all([dist('study/codebook.js'), dist('match/compile.js')]);
  const loaded = await loadCodebook(opt.codebook ?? 'builtin:rogers');
  if (!loaded.codebook) throw new Error(`cannot load codebook ${opt.codebook}`);
  const matcher = compileCodebook(loaded.codebook);
  const items = await seedSegments();
  const byPassage = await codeSeeds(items, matcher, opt.questionContext === 'off' ? { questionContext: false } : {});
  const readings = new Map(items.map((it) => [it.seg.id, reading(byPassage.get(it.seg.id), opt.minScore)]));
  // The same with every suggestion counted (score >= 0): what a reviewer sees listed.
  const listed = new Map(items.map((it) => [it.seg.id, reading(byPassage.get(it.seg.id), 0)]));
  if (!opt.json) console.log(`codings counted: score >= ${opt.minScore} (coding.min_score; lower ones are suggestions)\n`);
  const parts = [['development', items.filter((it) => !it.heldOut)]];
  if (opt.heldOut) parts.push(['HELD OUT', items.filter((it) => it.heldOut)]);
  const json = {};
  for (const [name, set] of parts) {
    const all = score(set, readings);
    const named = score(
      set.filter((it) => it.label.primary !== 'none' && it.label.names),
      readings,
    );
    const unnamed = score(
      set.filter((it) => it.label.primary !== 'none' && !it.label.names),
      readings,
    );
    const cal = calibration(set, byPassage);
    const authors = scoreAsAuthors(set, readings);
    const authorsUnnamed = scoreAsAuthors(
      set.filter((it) => !it.label.names),
      readings,
    );
    const verdicts = await verdictCheck(set, readings);
    const withSuggestions = score(set, listed);
    const authorsListed = scoreAsAuthors(set, listed);
    json[name] = {
      all: { ...all, confusion: Object.fromEntries(all.confusion) },
      named: { ...named, confusion: undefined },
      unnamed: { ...unnamed, confusion: undefined },
      calibration: cal,
      asAuthors: authors,
      asAuthorsUnnamed: authorsUnnamed,
      verdicts,
      withSuggestions: {
        among: withSuggestions.among,
        top1: withSuggestions.top1,
        noneKeptEmpty: withSuggestions.noneKeptEmpty,
        asAuthorsAmong: authorsListed.among,
      },
    };
    if (opt.json) continue;
    printScore(`${name}`, all);
    printConfusion(all);
    console.log(
      `passages naming their attribute (${named.coded}): macro-F1 ${named.macroF1.toFixed(2)}, top-1 ${Math.round(named.top1 * 100)}%, among codes ${Math.round(named.among * 100)}%`,
    );
    console.log(
      `passages not naming it (${unnamed.coded}): macro-F1 ${unnamed.macroF1.toFixed(2)}, top-1 ${Math.round(unnamed.top1 * 100)}%, among codes ${Math.round(unnamed.among * 100)}%`,
    );
    printAsAuthors('as the held-out real study is judged: passages labelled with an attribute, that attribute their only label', authors);
    printAsAuthors('  the same, passages not naming it', authorsUnnamed);
    console.log(
      `counting suggestions too (every score, as listed for review): among codes ${Math.round(withSuggestions.among * 100)}%, as the held-out real study is judged ${Math.round(authorsListed.among * 100)}%; passages without an attribute left uncoded ${Math.round(withSuggestions.noneKeptEmpty * 100)}%`,
    );
    printVerdicts(verdicts);
    printCalibration(cal);
    console.log('');
  }
  if (opt.json) console.log(JSON.stringify(json, (_k, v) => (typeof v === 'number' && Number.isNaN(v) ? null : v), 2));
  if (opt.list) {
    for (const it of items.filter((x) => !x.heldOut)) {
      const r = readings.get(it.seg.id);
      const gold = [...it.label.codes].map(([c, v]) => `${c}${v > 0 ? '+' : v < 0 ? '-' : '0'}`).join(' ') || 'none';
      const got = [...r.codes].map(([c, a]) => `${c}${a.valence > 0 ? '+' : a.valence < 0 ? '-' : '0'}:${a.score.toFixed(2)}`).join(' ') || 'none';
      const mark = it.label.primary === r.primary ? ' ' : '✗';
      console.log(`${mark} ${it.seg.id} gold[${it.label.primary}] ${gold} | auto[${r.primary}] ${got}`);
    }
  }
}
