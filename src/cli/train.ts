/** `npm run --silent train -- config.json`: trains and prints JSON lines of metrics, the last one a summary (docs/engine.md). */
import { readJsonArg, runCli } from './io';
import { runTraining, splitRunOptions } from './training';

runCli(() => {
  const { options, config } = splitRunOptions(readJsonArg(process.argv.slice(2), 'npm run --silent train -- config.json'));
  const summary = runTraining(config, options, (line) => process.stdout.write(`${JSON.stringify(line)}\n`));
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  if (summary.divergence) process.exitCode = 3;
});
