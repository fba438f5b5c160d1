import type { Diagnostic } from '../model/diagnostic.js';

/**
 * What a command hands back to the CLI entry, which alone writes to stdout/stderr and sets
 * the exit code: 0 ok, 1 a check failed or the input had errors, 2 usage or fatal error.
 */
export interface CommandResult {
  stdout?: string;
  diagnostics?: Diagnostic[];
  exitCode?: 0 | 1 | 2;
}
