import type { Matrix } from '../model/matrix.js';
import { stableJson } from '../util/stable-json.js';

export { stableJson };

export function renderJson(m: Matrix): string {
  return stableJson(m);
}
