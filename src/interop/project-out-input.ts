import type { Analysis } from '../model/analysis.js';
import type { Segment } from '../model/segment.js';
import type { Source } from '../model/source.js';

/**
 * What a project export reads: the coded study with every source's text and every segment (the
 * pipeline's corpus), since a .qdpx carries the texts its selections point into.
 */
export type ExportedStudy = Omit<Analysis, 'sources' | 'segments'> & { sources: Source[]; segments: Segment[] };
