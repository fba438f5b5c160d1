import type { Analysis } from '../model/analysis.js';
import type { Matrix } from '../model/matrix.js';
import { checklistMatrix, type ChecklistOptions } from './checklist.js';
import { clusterMatrix } from './cluster.js';
import { cooccurrenceMatrix, type CooccurrenceOptions } from './cooccurrence.js';
import { methodMatrix } from './method.js';
import { obstaclesMatrix } from './obstacles.js';
import { roleMatrix, type RoleMatrixOptions } from './role.js';
import { timeMatrix, type TimeOptions } from './time.js';

import { DISPLAY_TYPES, type DisplayType } from './registry.js';

export { DISPLAY_TYPES, type DisplayType };

/** The options any display understands; each builder reads the ones it needs. */
export type AnyDisplayOptions = RoleMatrixOptions & ChecklistOptions & CooccurrenceOptions & TimeOptions;

/** The builder of each display of the registry. */
export const DISPLAYS: Record<DisplayType, (analysis: Analysis, options?: AnyDisplayOptions) => Matrix> = {
  cluster: clusterMatrix,
  role: roleMatrix,
  method: methodMatrix,
  checklist: checklistMatrix,
  obstacles: obstaclesMatrix,
  cooccurrence: cooccurrenceMatrix,
  time: timeMatrix,
};

export function buildDisplay(type: DisplayType, analysis: Analysis, options: AnyDisplayOptions = {}): Matrix {
  return DISPLAYS[type](analysis, options);
}

export { checklistMatrix, clusterMatrix, cooccurrenceMatrix, methodMatrix, obstaclesMatrix, roleMatrix, timeMatrix };
export { evidenceMatrix, findCell } from './evidence.js';
export { DEFAULT_THRESHOLDS, strengthOf } from './checklist.js';
