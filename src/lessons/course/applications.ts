import { findApp } from '../../apps/registry';
import type { Lesson } from '../types';
import { lessonMeta } from '../catalog';

/** An application page's own run (src/apps/registry.ts), with some link keys changed: what the step shows is what the page runs. */
function appScenario(id: string, set: Record<string, string>): string {
  const app = findApp(id);
  if (!app) throw new Error(`lesson applications: no application page ${id}`);
  const p = new URLSearchParams(app.scenario);
  for (const [k, v] of Object.entries(set)) p.set(k, v);
  return p.toString();
}

/**
 * The "Human or network?" page's character model (an LSTM of 64 units on the bundled Alice passage, windows of 48
 * characters, 16 per batch), paused. It trains on the fast float32 WebAssembly kernels, as the page does
 * (`kernels=fast`): its claims were measured on that path, and the claim test runs this same string. WebAssembly
 * float32 is exactly specified, so the runs are the same in Node and in the browser.
 */
const LM = appScenario('lm', { play: '0' });
/** Next-value prediction of a noisy sum of two sines (40 steps), a GRU of 16 units. */
const SINE = 'task=sine&cell=gru&speed=50&play=0';
/**
 * The CO₂ forecast page's run (NOAA's monthly Mauna Loa series, named `csv=co2`; an LSTM of 32 units on windows of
 * 60 months; the last 48 months held out), paused. Like LM it trains on the fast float32 kernels, as the page does:
 * its claims were measured on that path, and the claim test runs this same string.
 */
const FORECAST = appScenario('forecast', { play: '0' });
/**
 * The translation page's encoder–decoder (an LSTM of 32 units, words in source order), paused for a prediction; at
 * 50 steps a second rather than the page's 20, so a 400-step prediction is answered in seconds (the speed changes
 * how fast the run is shown, not what it learns). The page measures a Predict's quantity at exactly `after`, the
 * step the claims are tested at (course/PredictBox.tsx).
 */
const TRANSLATE = appScenario('translate', { speed: '50', play: '0' });
/** The same, with a tanh RNN reading the source words last first. */
const TRANSLATE_RNN_REVERSED = appScenario('translate', { cell: 'rnn', reverse: '1', speed: '50', play: '0' });
const TRANSLATE_RNN = appScenario('translate', { cell: 'rnn', reverse: '0', speed: '50', play: '0' });
const TRANSLATE_REVERSED = appScenario('translate', { reverse: '1', speed: '50', play: '0' });
/** The caption page's captioner (a convolutional network and an LSTM decoder of 32 units), paused. */
const CAPTION = appScenario('caption', { play: '0' });


export const lesson: Lesson = {
  ...lessonMeta('applications'),
  steps: [
    {
      title: 'A network that writes',
      scenario: LM,
      views: ['output', 'curve'],
      text: [
        'A character language model reads text one character at a time. At every step it predicts the next character.',
        'Here the text is the opening of Alice’s Adventures in Wonderland. The input is the current character, one-hot; the output is a softmax over the 62 different characters of the text.',
        'The score is bits per character: how many yes-or-no questions the model would still need, on average, to pin the next character down.',
      ],
      alt: 'The output view shows 200 characters sampled from the untrained network, a jumble of letters, capitals and punctuation with no words in it; the training curve is still empty.',
      interaction: {
        kind: 'predict',
        question: 'before any training, how many bits per character does the network need?',
        quantity: 'metric',
        after: 0,
        choices: [
          { label: 'About 6', range: [5, Number.POSITIVE_INFINITY] },
          { label: 'About 3', range: [2, 5] },
          { label: 'Under 2', range: [0, 2] },
        ],
        explain: 'An untrained network spreads its bets almost evenly, and a uniform guess over its 62 characters costs log₂ 62 ≈ 5.95 bits. Every bit saved halves the guessing.',
      },
      notes: 'Bits per character is the loss in base 2: ln p divided by ln 2. Ask what 1 bit per character would mean: two equally likely candidates at every step.',
    },
    {
      title: 'Human or network?',
      scenario: LM,
      views: ['output', 'curve'],
      app: 'lm',
      text: [
        'The network here is the one the application page runs: an LSTM of 64 units, a recurrent network with gates. It learns the same page of Alice.',
        'The output view makes it write. It draws the next character from the network’s prediction, feeds it back in, and draws again. A temperature of 0.7 favours the likely characters; above 1 it would even them out.',
        'The application page makes a game of it. You see two snippets of 60 characters, one from the book and one by the network, and pick the network’s.',
        'The game borrows Turing’s idea (1950): can a judge tell machine from human? It is not a Turing test. Nobody converses, and the snippets are short. No network here passes one.',
      ],
      alt: 'The output view shows 200 characters the untrained network writes, a jumble of letters, capitals and punctuation; the training curve is still empty. Played, the curve falls and more and more of what it writes are words of the page.',
      interaction: {
        kind: 'predict',
        question: 'after 240 training steps, how many bits per character does this LSTM need?',
        quantity: 'metric',
        after: 240,
        choices: [
          { label: 'Still more than 3', range: [3, Number.POSITIVE_INFINITY] },
          { label: 'Between 2 and 3', range: [2, 3] },
          { label: 'Under 2', range: [0, 2] },
        ],
        explain: 'After 240 steps it needs 2.2 to 2.5 bits per character, on each of five seeds. Untrained, fewer than one word in ten it wrote was a word of the page; now about half are.',
      },
      notes: 'Temperature: every probability is raised to the power 1/T and the results rescaled to sum to 1. The network has learnt one page, not English: it is scored on that page, and the book’s snippet comes from it. Some lecture notes say RNNs can pass the Turing test; this game shows nothing of the kind. A word here is a run of letters; “about half” counts the words in five samples of 200 characters that also occur in the passage. Open the application page and play a few rounds: ask what would make the game harder for the network, such as longer snippets or a text it never saw.',
    },
    {
      title: 'Forecasting a wave',
      scenario: SINE,
      views: ['output', 'curve'],
      text: [
        'Now the input is a number: a noisy sum of two sine waves with random phases. The target is the next value.',
        'The yardstick is persistence: predict that the next value equals this one. It costs nothing, and a forecaster that cannot beat it is of no use.',
        'Persistence scores a mean squared error of 0.14 on this task’s evaluation set.',
      ],
      alt: 'The output view shows the wave the network read, then its forecast after a dotted line, against the true wave without noise; the training curve is empty.',
      interaction: {
        kind: 'predict',
        question: 'after 150 training steps, how does the network’s error compare with persistence’s 0.14?',
        quantity: 'metric',
        after: 150,
        choices: [
          { label: 'Above 0.14: persistence stays better', range: [0.14, Number.POSITIVE_INFINITY] },
          { label: 'Better, but less than 4 times lower (0.035 to 0.14)', range: [0.035, 0.14] },
          { label: 'Under a quarter of persistence’s (below 0.035)', range: [0, 0.035] },
        ],
        explain: 'After 150 steps its error is under a quarter of persistence’s: it has learned the shape of the waves, which persistence ignores. Before training it was worse than persistence.',
      },
      notes: 'The metric is one step ahead: the network always reads the true previous value. The forecast in the output view is the harder test, on the next step.',
    },
    {
      title: 'Running free',
      scenario: SINE,
      views: ['output'],
      text: [
        'The output view draws a free-running forecast. The network reads 40 values, then feeds each of its own predictions back in as the next input, for 40 more steps.',
        'Training only ever asked for one step ahead. Running free, each error becomes part of the next input, and nothing corrects it.',
        'Above the chart is how far the forecast is from the true wave, on average. Untrained, it is off by more than 0.6. After 300 training steps it is off by less than 0.15, on each of five seeds.',
      ],
      alt: 'The forecast chart: the context wave on the left, then the network’s own continuation after the dotted line, drawn against the noiseless truth; the mean distance from the truth is printed above.',
      notes: 'The true wave here is the sum of sines without the noise. Measured at step 300: 0.10, 0.04, 0.05, 0.07 and 0.08 on seeds 1–5; it does not fall steadily, so pause at different steps and watch it move (seed 1: 0.08 at step 200, 0.14 at step 400). The one-step error on the curve is a squared error against the noisy values, so the two numbers do not compare directly.',
    },
    {
      title: 'A real series: CO₂ at Mauna Loa',
      scenario: FORECAST,
      views: ['output', 'curve'],
      app: 'forecast',
      text: [
        'Now a real series: the carbon dioxide in the air at Mauna Loa, Hawaii, measured every month since 1958. It rises every year and swings with the seasons.',
        'An LSTM of 32 units reads it one month at a time and predicts the next month. The last 48 months are held out: it never trains on them, and it is scored on them.',
        'The score is the squared error of those next-month predictions, in units of the series’ spread: lower is better. Repeating the last month scores 0.0020.',
        'A stronger yardstick knows the seasons: the value of 12 months before, plus the average rise over 12 months in the years it trains on. It scores 0.0012.',
        'The output view runs free over the 48 held-out months, as in the last step, against what was measured.',
      ],
      alt: 'The output view shows the 60 months the untrained network read, then its free-running forecast of the 48 held-out months, far off, against the measured values and the seasonal yardstick’s dashed line. The training curve is empty.',
      interaction: {
        kind: 'predict',
        question: 'after 1,500 training steps, where is its next-month error on the held-out months?',
        quantity: 'metric',
        after: 1500,
        choices: [
          { label: 'Worse than repeating the last month (above 0.0020)', range: [0.002, Number.POSITIVE_INFINITY] },
          { label: 'Between the two yardsticks (0.0012 to 0.0020)', range: [0.0012, 0.002] },
          { label: 'Better than both (below 0.0012)', range: [0, 0.0012] },
        ],
        explain: 'After 1,500 steps its error is below both yardsticks, on each of five seeds: it has learnt the yearly swing, and it also reads the months just before. At step 1,500 its free-running forecast is closer than the last month repeated, on each of five seeds. A few hundred steps earlier or later, it may not be.',
      },
      notes: 'The series is NOAA’s monthly mean, in parts per million; the output view prints the forecast’s mean distance from the measured months beside both yardsticks’ (the last month repeated is off by 3.53 ppm). Running free is the harder test, and it swings as training goes on: at step 1,500 the five seeds are off by 1.4 to 3.2 ppm, but seed 2 is off by 5.5 at step 1,250, and seed 5 by 3.55 at step 2,000. On some seeds the seasonal yardstick (2.05 ppm) stays closer. The network has no idea why CO₂ rises; it extends a pattern. Any series works the same way: in the lab, choose the series task and paste one number per line.',
    },
    {
      title: 'Translating number words',
      scenario: TRANSLATE,
      views: ['output', 'curve'],
      app: 'translate',
      text: [
        'So far the input and the output came one per step. Translation breaks that: “forty” is one word but two digits, “three hundred five” three words and three digits.',
        'An encoder–decoder uses two recurrent networks. The encoder reads the words, one per step, into its state.',
        'The decoder starts from the encoder’s last state and writes digits, one per step, each time reading the digit it wrote before. It stops when it writes “end”.',
        'It is tested on 205 numbers it never trains on. The score is the share written exactly right; one constant answer would get 1 of them.',
      ],
      alt: 'The output view lists unseen number words, each with the digits the untrained decoder writes and the right answer; almost none match. The training curve is empty.',
      interaction: {
        kind: 'predict',
        question: 'after 400 training steps, how many of the 205 unseen numbers does this LSTM write exactly right?',
        quantity: 'metric',
        after: 400,
        choices: [
          { label: 'Under half', range: [0, 0.5] },
          { label: 'Half to 90%', range: [0.5, 0.9] },
          { label: 'Over 90%', range: [0.9, Number.POSITIVE_INFINITY] },
        ],
        explain: 'After 400 steps it writes more than 95% of them exactly right, on each of three seeds. The encoder’s last state carries the whole number to the decoder.',
      },
      notes: 'The held-out numbers never appear in training, so this is generalization, not recall. Point at a wrong answer in the output view early on: the digits are often right but one, or the length is off.',
    },
    {
      title: 'Reading backwards',
      scenario: TRANSLATE_RNN_REVERSED,
      views: ['output', 'curve'],
      controls: ['cell'],
      app: 'translate',
      text: [
        'Sutskever and colleagues (2014) found a simple trick: feed the source words in reverse order.',
        'In source order, the first digit depends on the first word read, the one held longest. Reversed, that word is read last, just before the decoder starts.',
        'Here a plain tanh RNN reads the words reversed. Reading them in order, it writes 75% to 80% of the unseen numbers right after 200 steps.',
      ],
      alt: 'The output view lists unseen number words, read last word first, with the untrained tanh RNN’s digits beside the right answers; the training curve is empty.',
      interaction: {
        kind: 'predict',
        question: 'after 200 steps, reading the words reversed, how many does the tanh RNN write exactly right?',
        quantity: 'metric',
        after: 200,
        choices: [
          { label: 'Fewer than in order (under 75%)', range: [0, 0.75] },
          { label: 'About the same (75% to 90%)', range: [0.75, 0.9] },
          { label: 'More (over 90%)', range: [0.9, Number.POSITIVE_INFINITY] },
        ],
        explain: 'Reversed, it writes more than 95% right after 200 steps, on each of three seeds. The plain RNN’s memory fades, so a short path from the first word to the first digit helps it.',
      },
      notes: 'Switch the cell to LSTM and compare: its gates hold the first word anyway, so reversing matters little here. The numbers have only one to four words, far shorter than the paper’s sentences. docs/experiments.md has the table over three seeds.',
    },
    {
      title: 'Describing a picture',
      scenario: CAPTION,
      views: ['output', 'curve'],
      app: 'caption',
      text: [
        'A captioner turns a picture into a sentence. A small convolutional network sums a 16 × 16 picture up in one vector.',
        'A recurrent decoder starts from that vector and writes the caption one word at a time, feeding each word back in.',
        'Always writing the most frequent word at each position gets 42% of the words right. That is the bar to clear.',
      ],
      alt: 'The output view shows small pictures of coloured shapes, each with the untrained decoder’s caption and the true one; the captions are wrong. The training curve is empty.',
      interaction: {
        kind: 'predict',
        question: 'after 300 training steps, what share of the caption words does it get right on unseen pictures?',
        quantity: 'metric',
        after: 300,
        choices: [
          { label: 'Under 42%: no better than the most frequent words', range: [0, 0.42] },
          { label: '42% to 80%', range: [0.42, 0.8] },
          { label: 'Over 80%', range: [0.8, Number.POSITIVE_INFINITY] },
        ],
        explain: 'After 300 steps it gets more than 80% of the words right, on each of three seeds. Yet fewer than one caption in five is entirely right: one wrong word spoils a caption.',
      },
      notes: 'Colours and positions come first; telling a circle from a triangle takes longer. On the application page it trains for about 1,500 steps, when most whole captions come out right.',
    },
  ],
  quiz: [
    {
      question: 'A uniform guess over 62 characters needs about 6 bits per character. A model needs 3. What does that mean?',
      choices: [
        { text: 'It is as unsure as a pick among about 8 characters', correct: true, why: '3 bits are 2³ = 8 equally likely choices, against 62 for the uniform guess.' },
        { text: 'It predicts half of the characters right', correct: false, why: 'Bits measure how much probability the true character gets, not how often it is the top guess.' },
        { text: 'It has learned English', correct: false, why: 'It is scored on the passage it trained on: it has learned this text.' },
      ],
    },
    {
      question: 'The same model samples at temperature 0.7 and at 1.5. Which text is more surprising, with more misspellings?',
      choices: [
        { text: 'At 1.5', correct: true, why: 'Above 1 the probabilities are evened out, so unlikely characters are drawn more often.' },
        { text: 'At 0.7', correct: false, why: 'Below 1 the likely characters are favoured: the text is safer and more repetitive.' },
        { text: 'Neither: temperature only changes the speed of sampling', correct: false, why: 'Temperature reshapes the distribution each character is drawn from.' },
      ],
    },
    {
      question: 'Why compare a forecaster with persistence, "the next value equals this one"?',
      choices: [
        { text: 'It is free and often good: a forecaster must beat it to be worth anything', correct: true, why: 'On smooth series repeating the last value is already close; the network must learn more than that.' },
        { text: 'Persistence is the best possible forecast', correct: false, why: 'The network beat it several times over on the sine waves.' },
        { text: 'Because the network is trained to copy its input', correct: false, why: 'It is trained to predict the next value; copying is only the yardstick.' },
      ],
    },
    {
      question: 'After the dotted line of a free-running forecast, what does the network read as input?',
      choices: [
        { text: 'Its own previous prediction', correct: true, why: 'It feeds each prediction back in, so nothing corrects its errors.' },
        { text: 'The true next value', correct: false, why: 'That is the one-step test of the metric, not the free-running forecast.' },
        { text: 'Nothing: the input is zero', correct: false, why: 'The input is its own last output: that is what running free means.' },
      ],
    },
    {
      question: 'Reading the source reversed helped the tanh RNN a lot. What does it do for the LSTM on these number words?',
      choices: [
        { text: 'Little: the LSTM does well in either order', correct: true, why: 'Its gates hold the first word until the decoder needs it. In both orders the LSTM passes 95% by step 400.' },
        { text: 'It helps the LSTM even more', correct: false, why: 'The LSTM had less to gain: its memory does not fade the way the plain RNN’s does.' },
        { text: 'It stops the LSTM from learning', correct: false, why: 'Reversing only changes the order the encoder reads; the task is just as learnable.' },
      ],
    },
  ],
  claims: [
    { says: 'one constant answer would get 1 of them.', scenario: TRANSLATE, steps: 0, seeds: [1], holds: { quantity: 'baseline', op: '<', value: 1.5 / 205 } },
    { says: 'one constant answer would get 1 of them.', scenario: TRANSLATE, steps: 0, seeds: [1], holds: { quantity: 'baseline', op: '>', value: 0.5 / 205 } },
    { says: 'After 400 steps it writes more than 95% of them exactly right, on each of three seeds.', scenario: TRANSLATE, steps: 400, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '>', value: 0.95 } },
    { says: 'Reading them in order, it writes 75% to 80% of the unseen numbers right after 200 steps.', scenario: TRANSLATE_RNN, steps: 200, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '>', value: 0.745 } },
    { says: 'Reading them in order, it writes 75% to 80% of the unseen numbers right after 200 steps.', scenario: TRANSLATE_RNN, steps: 200, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '<', value: 0.805 } },
    { says: 'Reversed, it writes more than 95% right after 200 steps, on each of three seeds.', scenario: TRANSLATE_RNN_REVERSED, steps: 200, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '>', value: 0.95 } },
    { says: 'In both orders the LSTM passes 95% by step 400.', scenario: TRANSLATE, steps: 400, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '>', value: 0.95 } },
    { says: 'In both orders the LSTM passes 95% by step 400.', scenario: TRANSLATE_REVERSED, steps: 400, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '>', value: 0.95 } },
    { says: 'Always writing the most frequent word at each position gets 42% of the words right.', scenario: CAPTION, steps: 0, seeds: [1], holds: { quantity: 'baseline', op: '>', value: 0.415 } },
    { says: 'Always writing the most frequent word at each position gets 42% of the words right.', scenario: CAPTION, steps: 0, seeds: [1], holds: { quantity: 'baseline', op: '<', value: 0.425 } },
    { says: 'After 300 steps it gets more than 80% of the words right, on each of three seeds.', scenario: CAPTION, steps: 300, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '>', value: 0.8 } },
    { says: 'Yet fewer than one caption in five is entirely right', scenario: CAPTION, steps: 300, seeds: [1, 2, 3], holds: { quantity: 'exactMatch', op: '<', value: 0.2 } },
    { says: 'the output is a softmax over the 62 different characters of the text.', scenario: LM, steps: 0, seeds: [1], holds: { quantity: 'baseline', op: '>', value: Math.log2(61.5) } },
    { says: 'the output is a softmax over the 62 different characters of the text.', scenario: LM, steps: 0, seeds: [1], holds: { quantity: 'baseline', op: '<', value: Math.log2(62.5) } },
    { says: 'An untrained network spreads its bets almost evenly, and a uniform guess over its 62 characters costs log₂ 62 ≈ 5.95 bits.', scenario: LM, steps: 0, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '>', value: 5.9 } },
    { says: 'An untrained network spreads its bets almost evenly, and a uniform guess over its 62 characters costs log₂ 62 ≈ 5.95 bits.', scenario: LM, steps: 0, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '<', value: 6.05 } },
    // the character model's claims: measured on the fast float32 kernels (LM's kernels=fast), as the page trains
    { says: 'After 240 steps it needs 2.2 to 2.5 bits per character, on each of five seeds.', scenario: LM, steps: 240, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'metric', op: '>', value: 2.2 } },
    { says: 'After 240 steps it needs 2.2 to 2.5 bits per character, on each of five seeds.', scenario: LM, steps: 240, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'metric', op: '<', value: 2.5 } },
    { says: 'Untrained, fewer than one word in ten it wrote was a word of the page; now about half are.', scenario: LM, steps: 0, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'sampleWordShare', op: '<', value: 0.1 } },
    { says: 'Untrained, fewer than one word in ten it wrote was a word of the page; now about half are.', scenario: LM, steps: 240, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'sampleWordShare', op: '>', value: 0.4 } },
    { says: 'Untrained, fewer than one word in ten it wrote was a word of the page; now about half are.', scenario: LM, steps: 240, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'sampleWordShare', op: '<', value: 0.65 } },
    { says: 'Persistence scores a mean squared error of 0.14 on this task’s evaluation set.', scenario: SINE, steps: 0, seeds: [1], holds: { quantity: 'baseline', op: '>', value: 0.135 } },
    { says: 'Persistence scores a mean squared error of 0.14 on this task’s evaluation set.', scenario: SINE, steps: 0, seeds: [1], holds: { quantity: 'baseline', op: '<', value: 0.145 } },
    { says: 'After 150 steps its error is under a quarter of persistence’s', scenario: SINE, steps: 150, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '<', value: 0.035 } },
    // measured free-running error: 0.713, 0.683, 0.710, 0.687, 0.711 at step 0; 0.101, 0.043, 0.049, 0.066, 0.079 at step 300 (seeds 1–5)
    { says: 'Untrained, it is off by more than 0.6.', scenario: SINE, steps: 0, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'forecastError', op: '>', value: 0.6 } },
    { says: 'After 300 training steps it is off by less than 0.15, on each of five seeds.', scenario: SINE, steps: 300, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'forecastError', op: '<', value: 0.15 } },
    { says: 'Before training it was worse than persistence.', scenario: SINE, steps: 0, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'metricGain', op: '<', value: 0 } },
    // the CO₂ forecast's claims: measured on the fast float32 kernels (FORECAST's kernels=fast), as the page trains
    { says: 'Repeating the last month scores 0.0020.', scenario: FORECAST, steps: 0, seeds: [1], holds: { quantity: 'baseline', op: '>', value: 0.00195 } },
    { says: 'Repeating the last month scores 0.0020.', scenario: FORECAST, steps: 0, seeds: [1], holds: { quantity: 'baseline', op: '<', value: 0.00205 } },
    { says: 'It scores 0.0012.', scenario: FORECAST, steps: 0, seeds: [1], holds: { quantity: 'seasonalMse', op: '>', value: 0.00115 } },
    { says: 'It scores 0.0012.', scenario: FORECAST, steps: 0, seeds: [1], holds: { quantity: 'seasonalMse', op: '<', value: 0.00125 } },
    // below both: under 0.00115, the seasonal yardstick's claimed floor
    { says: 'After 1,500 steps its error is below both yardsticks, on each of five seeds', scenario: FORECAST, steps: 1500, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'metric', op: '<', value: 0.00115 } },
    // closer than the last month repeated (3.527 ppm): measured at step 1,500, 1.63, 3.17, 3.12, 1.79, 1.44 ppm on seeds 1–5
    { says: 'At step 1,500 its free-running forecast is closer than the last month repeated, on each of five seeds.', scenario: FORECAST, steps: 1500, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'forecastError', op: '<', value: 3.4 } },
    { says: 'At step 1,500 its free-running forecast is closer than the last month repeated, on each of five seeds.', scenario: FORECAST, steps: 0, seeds: [1], holds: { quantity: 'lastValueForecastError', op: '>', value: 3.4 } },
    // earlier: seed 2 at step 1,250 is off by 5.52 ppm; later: seed 5 at step 2,000 by 3.55 ppm; the last month repeated by 3.527
    { says: 'A few hundred steps earlier or later, it may not be.', scenario: FORECAST, steps: 0, seeds: [1], holds: { quantity: 'lastValueForecastError', op: '<', value: 3.53 } },
    { says: 'A few hundred steps earlier or later, it may not be.', scenario: FORECAST, steps: 1250, seeds: [2], holds: { quantity: 'forecastError', op: '>', value: 3.53 } },
    { says: 'A few hundred steps earlier or later, it may not be.', scenario: FORECAST, steps: 2000, seeds: [5], holds: { quantity: 'forecastError', op: '>', value: 3.53 } },
  ],
};
