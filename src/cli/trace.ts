/** `npm run --silent trace -- spec.json`: one JSON object on stdout (format and errors: docs/engine.md, "npm run --silent trace"). */
import { runTrace } from '../engine/trace';
import { readJsonArg, runCli } from './io';

runCli(() => {
  const spec = readJsonArg(process.argv.slice(2), 'npm run --silent trace -- spec.json');
  process.stdout.write(`${JSON.stringify(runTrace(spec))}\n`);
});
