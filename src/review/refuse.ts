/**
 * `qia review` is a full-screen loop that reads single keys, so it needs a terminal on both
 * sides. Refusing before anything waits for input is what keeps it from hanging in a pipe, a
 * cron job or CI, where `qia tag` is the way to record decisions.
 */

/** Enough of the two streams to tell whether they are terminals; real streams and test fakes both fit. */
export interface MaybeTerminal {
  input: { isTTY?: boolean };
  output: { isTTY?: boolean };
}

export class NotInteractiveError extends Error {
  /** The command's exit status: a usage problem, as everywhere in qia. */
  readonly exitCode = 2;

  constructor(message: string) {
    super(message);
    this.name = 'NotInteractiveError';
  }
}

const ADVICE = 'use `qia tag` to code from scripts';

/** Why the loop cannot run on these streams, or undefined when it can. */
export function interactiveProblem(io: MaybeTerminal, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const inTty = io.input.isTTY === true;
  const outTty = io.output.isTTY === true;
  let what: string | undefined;
  if (!inTty && !outTty) what = 'stdin and stdout are not TTYs';
  else if (!inTty) what = 'stdin is not a TTY';
  else if (!outTty) what = 'stdout is not a TTY';
  else if (env['TERM'] === 'dumb') what = 'TERM=dumb cannot show a full-screen loop';
  return what === undefined ? undefined : `qia review needs a terminal: ${what}; ${ADVICE}`;
}

/** Throws NotInteractiveError (exit status 2) when either stream is not a terminal. */
export function assertInteractive(io: MaybeTerminal, env: NodeJS.ProcessEnv = process.env): void {
  const problem = interactiveProblem(io, env);
  if (problem !== undefined) throw new NotInteractiveError(problem);
}
