import { readdir, readFile } from 'node:fs/promises';
import { didYouMean } from '../util/did-you-mean.js';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Codebook } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Memo } from '../model/evidence.js';
import { isWithin } from '../codebook/codes.js';

export interface ParsedMemo {
  memo?: Memo;
  diagnostics: Diagnostic[];
}

/**
 * A researcher's memo: markdown with front matter naming the code it is about
 * (`code: complexity.ease_of_use`, optionally `title:`). `file` is the path shown to the
 * researcher, relative to the study folder.
 */
export function parseMemo(file: string, raw: string, codebook?: Codebook): ParsedMemo {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  const missing: Diagnostic = {
    severity: 'warning',
    code: 'memo/no-code',
    message: 'memo has no front matter naming its code; it is left out of the digest',
    file,
    line: 1,
    column: 1,
    hint: 'start the file with\n---\ncode: <code id>\n---',
  };
  if (!fm) return { diagnostics: [missing] };
  let data: unknown;
  try {
    data = parseYaml(fm[1]!);
  } catch (err) {
    return {
      diagnostics: [
        {
          severity: 'warning',
          code: 'memo/bad-front-matter',
          message: `front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`,
          file,
          line: 2,
          column: 1,
        },
      ],
    };
  }
  const fields = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const code = typeof fields['code'] === 'string' ? fields['code'].trim() : '';
  if (!code) return { diagnostics: [missing] };
  const diagnostics: Diagnostic[] = [];
  if (codebook && !codebook.codes.some((c) => isWithin(code, c.id) || isWithin(c.id, code))) {
    const lines = fm[1]!.split('\n');
    const at = lines.findIndex((l) => /^code\s*:/.test(l));
    diagnostics.push({
      severity: 'warning',
      code: 'memo/unknown-code',
      message: `memo names code "${code}", which the codebook does not define`,
      file,
      line: at + 2,
      column: 1,
      hint: didYouMean(
        code,
        codebook.codes.map((c) => c.id),
        'use a code id from the codebook (`qia codebook show`)',
      ),
    });
  }
  const memo: Memo = { code, file, body: text.slice(fm[0].length).trim() };
  if (typeof fields['title'] === 'string') memo.title = fields['title'];
  return { memo, diagnostics };
}

/**
 * Every memo in `<study>/memos/*.md`, in file-name order; a missing folder means no memos.
 * Memos that cannot be attached to a code are left out with a warning.
 */
export async function readMemos(dir: string, codebook: Codebook): Promise<{ memos: Memo[]; diagnostics: Diagnostic[] }> {
  const folder = join(dir, 'memos');
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.toLowerCase().endsWith('.md')).sort();
  } catch {
    return { memos: [], diagnostics: [] };
  }
  const memos: Memo[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const parsed = parseMemo(`memos/${name}`, await readFile(join(folder, name), 'utf8'), codebook);
    if (parsed.memo) memos.push(parsed.memo);
    diagnostics.push(...parsed.diagnostics);
  }
  return { memos, diagnostics };
}
