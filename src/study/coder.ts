import { codingSetting } from './coding-setting.js';
import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import type { Study } from '../model/study.js';
import { QiaError } from '../util/diagnostics.js';

/**
 * Who is deciding, which names their decision log (`codings/<coder>.decisions.jsonl`): `--coder`,
 * else study.yaml `coding.coder`, else the user's git name, else the login name; made safe for a
 * file name (letters, digits, dots, dashes and underscores).
 */
export function coderName(option: string | undefined, study: Study): string {
  if (option !== undefined) {
    const name = safe(option);
    if (name === '')
      throw new QiaError('usage/bad-coder', `--coder "${option}" has no letter or digit to name a decision log with`, {}, 'for example: --coder rina');
    return name;
  }
  const set = codingSetting(study.settings, 'coder');
  if (typeof set === 'string' && safe(set) !== '') return safe(set);
  const git = spawnSync('git', ['config', 'user.name'], { cwd: study.root, encoding: 'utf8', timeout: 2000 });
  if (git.status === 0 && safe(git.stdout) !== '') return safe(git.stdout);
  const login = safe(userInfo().username);
  return login === '' ? 'coder' : login;
}

/** "Rina Sari" → "rina-sari": one word, lower case, nothing a file system could trip on. */
function safe(name: string): string {
  return name
    .trim()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|-+$/g, '');
}
