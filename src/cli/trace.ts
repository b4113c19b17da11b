/** `npm run --silent trace -- spec.json`: one JSON object on stdout (DESIGN.md, "The trace contract"). */
import { runTrace } from '../engine/trace';
import { readJsonArg, runCli } from './io';

runCli(() => {
  const spec = readJsonArg(process.argv.slice(2), 'npm run --silent trace -- spec.json');
  process.stdout.write(`${JSON.stringify(runTrace(spec))}\n`);
});
