/**
 * The part of a REFI-QDA project qia writes and reads, as plain data. Export fills it from a
 * study and serialises it (refi-write.ts); import parses a file into it (refi-read.ts) and
 * turns it into a study. GUIDs are kept as written; readers compare them through normalGuid.
 */

export interface RefiCode {
  guid: string;
  name: string;
  isCodable: boolean;
  color?: string;
  description?: string;
  /** Notes about the code (project files only). */
  notes: string[];
  children: RefiCode[];
}

export interface RefiUser {
  guid: string;
  name?: string;
}

export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiVariable {
  guid: string;
  name: string;
  type: RefiVariableType;
  description?: string;
}

export interface RefiValue {
  variable: string;
  /** The value as written in the file (an IntegerValue's digits, a DateValue's YYYY-MM-DD). */
  value: string;
  type: RefiVariableType;
}

export interface RefiCase {
  guid: string;
  name?: string;
  description?: string;
  values: RefiValue[];
  sources: string[];
}

export interface RefiCoding {
  guid: string;
  code: string;
  creatingUser?: string;
  notes: string[];
}

export interface RefiSelection {
  guid: string;
  name?: string;
  /** Positions as written in the file: code points by the standard, though some programs differ. */
  start: number;
  end: number;
  creatingUser?: string;
  description?: string;
  codings: RefiCoding[];
  notes: string[];
}

export interface RefiTextSource {
  guid: string;
  name?: string;
  description?: string;
  plainTextPath?: string;
  plainTextContent?: string;
  creatingUser?: string;
  selections: RefiSelection[];
  /** Codings of the whole source (Coding directly under TextSource). */
  sourceCodings: RefiCoding[];
  notes: string[];
  values: RefiValue[];
}

export interface RefiNote {
  guid: string;
  name?: string;
  description?: string;
  plainTextPath?: string;
  plainTextContent?: string;
}

export interface RefiProject {
  name: string;
  origin?: string;
  creatingUser?: string;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiTextSource[];
  notes: RefiNote[];
  description?: string;
  /** Notes about the project as a whole. */
  projectNotes: string[];
  /** Names of source elements qia does not read (PDFSource, AudioSource…), for a warning. */
  otherSources: string[];
}

export interface RefiCodebook {
  origin?: string;
  codes: RefiCode[];
}

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
