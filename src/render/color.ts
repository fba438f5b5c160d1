import { Chalk, type ChalkInstance } from 'chalk';

/** Colour only when writing to a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colorEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  const noColor = process.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  if (process.env['FORCE_COLOR'] && process.env['FORCE_COLOR'] !== '0') return true;
  return Boolean(stream.isTTY);
}

let cached: ChalkInstance | undefined;

export function colors(): ChalkInstance {
  cached ??= new Chalk({ level: colorEnabled() ? 1 : 0 });
  return cached;
}
