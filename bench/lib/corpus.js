// What several benchmarks share: a study opened and its sources read and segmented in memory
// (not coded), the codebook compiled, and the coding stage as the pipeline runs it on a file's
// segments. Imports the build (dist/), so run `npm run build` first.
import { resolve } from 'node:path';

const dist = (p) => import(new URL(`../../dist/${p}`, import.meta.url).href);

/**
 * The study in `dir` with every source read and segmented. `codebook` (a path or builtin:name)
 * replaces the study's own, for comparing codebooks without editing study.yaml.
 */
export async function loadCorpus(dir, { codebook } = {}) {
  const [{ openStudy }, { readCorpus }, { loadCodebook }] = await Promise.all([dist('study/open.js'), dist('pipeline/run.js'), dist('study/codebook.js')]);
  const opened = await openStudy(resolve(dir), { lenientCodebook: codebook !== undefined });
  const corpus = await readCorpus(opened);
  let cb = opened.codebook;
  if (codebook !== undefined) {
    const loaded = await loadCodebook(codebook.startsWith('builtin:') ? codebook : resolve(codebook));
    if (!loaded.codebook) throw new Error(`cannot load codebook ${codebook}`);
    cb = loaded.codebook;
  }
  return {
    opened,
    study: opened.study,
    informants: opened.informants,
    codebook: cb,
    sources: corpus.sources,
    segments: corpus.segments,
    diagnostics: [...opened.diagnostics, ...corpus.diagnostics],
  };
}

export async function compile(codebook) {
  const { compileCodebook } = await dist('match/compile.js');
  return compileCodebook(codebook);
}

/**
 * The coding stage over `sources` and their `segments`, as the pipeline's pass runs it on each
 * file: automatic codings, interviewer turns as context only. `questionContext` undefined: as
 * the study's settings say.
 */
export async function codingStage(study) {
  const [{ autoCode }, { questionContextEnabled }, { priorReadingEnabled }] = await Promise.all([
    dist('coding/auto.js'),
    dist('coding/question-context.js'),
    dist('coding/prior-reading.js'),
  ]);
  return (part, matcher, questionContext) => {
    const texts = new Map(part.sources.map((s) => [s.id, s.text]));
    const kinds = new Map(part.sources.map((s) => [s.id, s.kind]));
    const qc = questionContext ?? questionContextEnabled(study.settings);
    // as the pipeline: the prior's suggestions for the paragraphs of documents only
    const pr = priorReadingEnabled(study.settings);
    const priorReading = (seg) => pr && kinds.get(seg.sourceId) === 'document';
    return autoCode(part.segments, matcher, { interviewer: false, sourceText: (id) => texts.get(id), questionContext: qc, priorReading });
  };
}
