import type { Matrix } from '../model/matrix.js';
import { stableJson } from '../util/stable-json.js';
import { tagged } from './json-kinds.js';

export { stableJson };

export function renderJson(m: Matrix): string {
  return stableJson(tagged('matrix', m));
}
