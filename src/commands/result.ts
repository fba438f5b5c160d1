import type { Lang } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';

/**
 * What a command hands back to the CLI entry, which alone writes to stdout/stderr and sets
 * the exit code: 0 ok, 1 a check failed or the input had errors, 2 usage or fatal error.
 */
export interface CommandResult {
  stdout?: string;
  /** The language the diagnostics are printed in (the study's, or --lang); English when absent. */
  lang?: Lang;
  diagnostics?: Diagnostic[];
  exitCode?: 0 | 1 | 2;
}
