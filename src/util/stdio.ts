/**
 * The command-line convention for files: `-` as an input names standard input, `-o -` names
 * standard output. Reading standard input is for a pipe or a redirected file; on a terminal it
 * waits for the user's Ctrl-D, as cat does.
 */
export const STDIO = '-';

/** How diagnostics name standard input. */
export const STDIN_NAME = '<stdin>';

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
