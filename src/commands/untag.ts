import type { CommandResult } from './result.js';
import { tagOrUntag, type TagOptions } from './tag.js';

/** `qia untag <source> <line>[-<line>] <code>`: takes back a coding `qia tag` or `qia review` added (a `remove` in the log). */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  return tagOrUntag('untag', args, opts as TagOptions);
}
