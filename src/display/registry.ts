import { DISPLAY_TYPES, type DisplayType } from '../model/matrix.js';

/**
 * What the CLI and the report need to know of each display (model/matrix.ts DISPLAY_TYPES names
 * them, in thesis order), without loading the builders: ./index.ts wires a builder to every name.
 */
export { DISPLAY_TYPES, type DisplayType };

export const DISPLAY_HELP: Record<DisplayType, string> = {
  cluster: 'conceptually clustered: informants × attributes',
  role: 'role-ordered: roles (or sides) × attributes',
  method: 'method triangulation: source kinds × attributes',
  checklist: 'checklist: is each indicator present, and how strongly',
  obstacles: 'internal and external obstacles, who named them, the strongest quote',
  cooccurrence: 'codes that occur in the same segments',
  time: 'time-ordered: periods × attributes (sources with dates)',
};

/** Which displays need what the sources may not have: the time matrix needs dated sources. */
export const NEEDS_DATES: ReadonlySet<DisplayType> = new Set(['time']);
