import type { Codebook, Lang } from '../model/codebook.js';
import type { ExportedStudy } from './project-out-input.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Memo } from '../model/evidence.js';
import { refiCodes } from './codes-out.js';
import { exportProject } from './project-out.js';
import { codebookXml, projectXml } from './refi-write.js';
import { writeZip } from './zip.js';

/** The bytes of a .qdc and a .qdpx: pure functions of their inputs, so a re-export diffs clean. */

export function qdcText(cb: Codebook, lang: Lang, origin: string): string {
  return codebookXml({ origin, codes: refiCodes(cb, lang) });
}

export interface QdpxResult {
  bytes: Uint8Array;
  /** project.qde on its own, for tests and for diffing two exports. */
  xml: string;
  diagnostics: Diagnostic[];
  counts: { sources: number; codings: number; users: number; codes: number; cases: number; notes: number };
}

export function qdpxBytes(a: ExportedStudy, memos: readonly Memo[], origin: string, lang?: Lang): QdpxResult {
  const { project, texts, diagnostics } = exportProject(a, memos, origin, lang);
  const xml = projectXml(project);
  const utf8 = new TextEncoder();
  const entries = [{ path: 'project.qde', data: utf8.encode(xml) }, ...texts.map((t) => ({ path: `sources/${t.name}`, data: utf8.encode(t.text) }))];
  return {
    bytes: writeZip(entries),
    xml,
    diagnostics,
    counts: {
      sources: project.sources.length,
      codings: project.sources.reduce((n, s) => n + s.selections.length, 0),
      users: project.users.length,
      codes: a.codebook.codes.length,
      cases: project.cases.length,
      notes: project.notes.length,
    },
  };
}
