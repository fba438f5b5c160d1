import { Chalk, supportsColor, supportsColorStderr, type ChalkInstance } from 'chalk';

/**
 * Whether to colour output: chalk's own detection (a terminal, FORCE_COLOR, FORCE_COLOR=0,
 * TERM=dumb, --color/--no-color in the arguments, CI services), and never when NO_COLOR is set
 * (https://no-color.org: chalk itself does not read it) or `--no-color` was given to qia
 * (`disableColor`, also for a run inside a test, where process.argv is not qia's).
 */
let disabled = false;

export function disableColor(): void {
  disabled = true;
  cached = undefined;
}

export function colorEnabled(stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (disabled) return false;
  const noColor = process.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  const level = stream === 'stderr' ? supportsColorStderr : supportsColor;
  return level !== false && level.level > 0;
}

let cached: ChalkInstance | undefined;

export function colors(): ChalkInstance {
  cached ??= new Chalk({ level: colorEnabled() ? 1 : 0 });
  return cached;
}
