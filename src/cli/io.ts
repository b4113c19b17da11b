import { readFileSync } from 'node:fs';
import { EngineError } from '../engine/errors';

/** Reads and parses the JSON file named on the command line ('-' = standard input); throws an EngineError with one clear line. */
export function readJsonArg(argv: string[], usage: string): unknown {
  const path = argv.find((a) => !a.startsWith('--'));
  if (!path) throw new EngineError('bad-config', `no input file; usage: ${usage}`);
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    throw new EngineError('bad-config', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new EngineError('bad-config', `${path} is not valid JSON: ${(e as Error).message}`);
  }
}

// A reader that stops early (`| head`) closes the pipe: that is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

/** Runs a command body: an error becomes one line on stderr and exit status 1 (2 for a bug). */
export function runCli(body: () => void): void {
  try {
    body();
  } catch (e) {
    const known = e instanceof EngineError;
    process.stderr.write(`error: ${(e as Error).message.split('\n')[0]}\n`);
    process.exitCode = known ? 1 : 2;
  }
}
