import type { Lesson } from '../types';
import { lessonMeta } from '../catalog';

/** The settings of docs/experiments.md: Xavier, Adam 0.003, norm clipping at 1, batch 32; echo at lag 10, 4 symbols. */
const SETTINGS = 'task=echo&lag=10&symbols=4&hidden=16&init=xavier&opt=adam&lr=0.003&clip=norm&clipAt=1&batch=32';

/** An LSTM of 16 units with forget bias `fbias` and a σ or tanh forget gate. Paused unless `play`. */
const lstm = (fbias: number, fgate: 'sigmoid' | 'tanh' = 'sigmoid', play = false) =>
  `${SETTINGS}&cell=lstm&fbias=${fbias}${fgate === 'tanh' ? '&fgate=tanh' : ''}&speed=20${play ? '' : '&play=0'}`;
/** A tanh RNN of the same size on the same task: the count to compare with. */
const rnn = `${SETTINGS}&cell=rnn&act=tanh&speed=20&play=0`;
const SEEDS = [1, 2, 3];


export const lesson: Lesson = {
  ...lessonMeta('lstm'),
  steps: [
    {
      title: 'A memory beside h',
      scenario: lstm(3),
      views: ['gates'],
      highlight: 'c',
      text: [
        'An LSTM unit carries two numbers from step to step: its output $h_t$ and a memory $c_t$, the cell state.',
        'The memory changes only by a product and a sum: $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$. Here $\\odot$ multiplies unit by unit.',
        '$g_t$ is the candidate: the new content the unit could write. In this lesson $g$ names the candidate, not the activation of a plain RNN.',
        'Three gates, $f$, $i$ and $o$, decide what happens to it. Each is a number between 0 and 1, for every unit at every step.',
      ],
      alt: 'Six heatmaps, units over time: the forget, input and output gates, the candidate g, the cell state c and the hidden state h; below them the cell diagram of one unit at one step, and its memory readout.',
      notes: 'The task is echo across 10 blanks. A plain tanh RNN from the same Xavier start learns this lag too (docs/experiments.md: 100% by step 100 on every seed), so the point here is how the gates work, not a task only an LSTM can do. The network is untrained here. ⊙ is elementwise: every unit has gates of its own. Point at the top line of the cell diagram: that is the memory c, running from left to right.',
    },
    {
      title: 'Flush, write, read',
      scenario: lstm(3),
      views: ['gates'],
      highlight: 'f',
      text: [
        'The forget gate $f$ flushes: it multiplies the old memory. $f = 0$ wipes it, $f = 1$ keeps it whole.',
        'The input gate $i$ writes: it scales the candidate $g$, the new content, before it is added.',
        'The output gate $o$ reads: $h_t = o_t \\odot \\tanh(c_t)$. With $o = 0$ the memory stays private.',
        'The forget bias of 3 adds 3 inside the forget gate. With small weights, $f \\approx \\sigma(3) \\approx 0.95$: keep.',
      ],
      alt: 'The gates heatmaps with the forget gate lit, and the cell diagram: the memory line c along the top, multiplied by f, added to i times g, and read out through tanh and o.',
      interaction: {
        kind: 'predict',
        question: 'with forget gates that start near “keep”, how often will it name the symbol across 10 blanks after 50 training steps?',
        quantity: 'metric',
        after: 50,
        choices: [
          { label: 'Almost always: 90% or more', range: [0.9, Number.POSITIVE_INFINITY] },
          { label: 'Often: 40% to 90%', range: [0.4, 0.9] },
          { label: 'No better than a guess: under 40%', range: [0, 0.4] },
        ],
        explain: 'This LSTM names every symbol right after 50 steps. The memory keeps what was written at step 0 through the 10 blanks, so training has to learn the writing and the reading, not the keeping.',
      },
      notes: 'After the reveal press “Find the memory unit” and follow that unit in the cell diagram with the t scrubber: kept, written, read. The hover on any part lights it in the heatmaps too.',
    },
    {
      title: 'Why the gates are sigmoids',
      scenario: lstm(3, 'sigmoid', true),
      views: ['formulas'],
      highlight: 'f',
      text: [
        'A gate multiplies. Its value is its meaning: 0 shuts, 1 lets everything through, 0.5 lets half through.',
        'The sigmoid $\\sigma(a) = 1/(1 + e^{-a})$ maps any pre-activation into (0, 1). Whatever the weights, a gate stays between shut and open.',
        'The candidate $g$ is not a gate but content. It uses tanh, so it can be negative.',
      ],
      alt: 'The LSTM equations with the numbers of one step: four gate lines (σ for f, i and o, tanh for g), the memory update and the read-out; the forget gate is lit.',
      notes: 'Some lecture notes say a tanh forget gate “won’t work”. That is a claim we can test: the next two steps do.',
    },
    {
      title: 'What if f were a tanh?',
      scenario: lstm(0, 'tanh'),
      views: ['gates', 'curve'],
      highlight: 'f',
      text: [
        'Here the forget gate is a tanh: $f_t = \\tanh(\\ldots)$ lies between −1 and 1. The gates view paints it on a signed scale.',
        'The forget bias is 0 now. With small weights each $f$ starts near $\\tanh(0) = 0$, above or below it: each step keeps only a small part of the memory.',
        'A sigmoid gate would start near $\\sigma(0) = 0.5$ and keep about half.',
        'A negative $f$ flips the memory. With $f = -1$, $c_t = -c_{t-1} + i_t g_t$: a stored value changes its sign at every step.',
      ],
      alt: 'The gates heatmaps, the forget gate on a purple-to-orange scale from −1 to 1 with both colours present, the cell diagram, and the training curve, empty until training starts.',
      interaction: {
        kind: 'predict',
        question: 'with a tanh forget gate and forget bias 0, how often will it name the symbol after 150 training steps?',
        quantity: 'metric',
        after: 150,
        choices: [
          { label: 'Every time: 100%', range: [1, Number.POSITIVE_INFINITY] },
          { label: 'Part of the time: 30% to 99%', range: [0.3, 1] },
          { label: 'No better than a guess: under 30%', range: [0, 0.3] },
        ],
        explain: 'After 150 steps it is part way: 50% to 75% right over seeds 1–3. It is learning, but it started with forget gates near 0, of either sign, that keep little of the memory and flip some of it.',
      },
      notes: 'Watch the f heatmap while it trains: many gates turn orange (keep), and many turn deep purple, near −1 (in our runs, after 250 steps about a third of them). Those flip their memory at every step, and the network still gets to 100%: it learns to live with the flips. After 150 steps “Find the memory unit” picked a unit with a negative mean forget gate in each of seeds 1–3. Only a sigmoid rules the purple out.',
    },
    {
      title: 'Slower, not stuck',
      scenario: lstm(0, 'tanh'),
      views: ['curve', 'output'],
      controls: ['fgate', 'fbias'],
      highlight: 'f',
      text: [
        'Now compare both gates at forget bias 0, seeds 1–3. After 150 steps the sigmoid gate names 75% to 100% right, with a loss below 0.35.',
        'The tanh gate’s loss is still above 0.65 then.',
        'But the tanh gate does not stop learning. By step 250 both gates name every symbol right.',
        'With forget bias 3 the difference is gone: both gates reach 100% within 50 steps. There $\\tanh(3) \\approx 0.995$ keeps as well as $\\sigma(3) \\approx 0.95$.',
        'Here, at lag 10, the tanh gate learned slower but did not fail. A sigmoid gate can never flip the memory: whatever its weights, it stays between drop (0) and keep (1). That is why gates are sigmoids.',
      ],
      alt: 'The training curve and the table of answers; with the tanh gate the loss falls later than with the sigmoid gate, and both reach full accuracy.',
      interaction: {
        kind: 'try',
        goal: 'train the tanh gate until it names every symbol right (100%). Then switch to sigmoid, or to forget bias 3, and compare.',
        holds: { quantity: 'metric', op: '>=', value: 1 },
        // the tanh gate as the step opens: seed 1 is at 100% from step 165
        solve: { play: '1' },
        why: 'It gets there, only later: at lag 10, every run we measured reached 100% by step 250. Only a sigmoid gate rules the flips out.',
      },
      notes: 'Changing a setting restarts the run from step 0, so each comparison starts fresh. Why is σ still the standard? It cannot flip the memory, and f = 1 (keep) is its natural end, so the forget bias trick works with it directly. We found no longer lag where, at forget bias 0, the flips clearly cost the tanh gate: at lag 20 after 1,000 steps the sigmoid gate was at 50% / 50% / 100% over seeds 1–3 and the tanh gate at 100% / 100% / 25%; at lag 40 after 1,500 steps the sigmoid gate was at 25% on all three and the tanh gate at 100% / 25% / 25%. So the text speaks of lag 10 only.',
    },
    {
      title: 'The price: four weight blocks',
      scenario: lstm(3),
      views: ['formulas'],
      controls: ['cell'],
      highlight: 'Wxh',
      text: [
        'Each gate and the candidate has weights of its own: $W_{x\\cdot}$, $W_{h\\cdot}$ and $b_\\cdot$ for $f$, $i$, $g$ and $o$. That is four blocks where an RNN has one.',
        'An RNN with 16 units has 420 weights and biases on this task.',
        'Every step computes all four blocks, so it takes longer too. The lab’s Training settings estimate about 3.5 times the RNN’s time per step; the status bar shows the speed measured on your machine.',
      ],
      alt: 'The LSTM equations with the numbers of one step: four gate lines, each with its own W_x·, W_h· and b·; the input weights are lit.',
      interaction: {
        kind: 'predict',
        question: 'how many weights and biases does this LSTM with 16 units have?',
        quantity: 'weights',
        after: 0,
        choices: [
          { label: 'About 420, like the RNN', range: [0, 600] },
          { label: 'About 840: twice as many', range: [600, 1100] },
          { label: 'About 1,500: nearly four times', range: [1100, 2000] },
          { label: 'About 6,700: sixteen times', range: [2000, Number.POSITIVE_INFINITY] },
        ],
        explain: 'It has 1,476, about 3.5 times the RNN’s 420. Each of the four blocks is as large as the RNN’s one (352), and the output layer (68) is the same: 4 × 352 + 68 = 1,476.',
      },
      notes: 'The lecture notes call the LSTM “too slow”. It is a constant factor, at most 4 in the gate blocks, not a different order of growth. Switch the cell to RNN and back to see the gate lines go and come. The estimate counts multiplications only; part of each step’s work does not grow with the weights, so the measured ratio is often smaller.',
    },
  ],
  quiz: [
    {
      question: 'A unit’s forget gate is 0 at step t. What happens to its memory?',
      choices: [
        { text: 'It is wiped: c_t = i_t g_t, nothing of c_{t−1} is kept', correct: true, why: 'f multiplies c_{t−1}, so f = 0 removes it; only what the input gate writes remains.' },
        { text: 'It is kept whole', correct: false, why: 'That is f = 1: the forget gate keeps what it lets through.' },
        { text: 'It is copied to h_t', correct: false, why: 'Reading the memory into h is the output gate’s job: h_t = o_t ⊙ tanh(c_t).' },
      ],
    },
    {
      question: 'Which gate decides how much of the memory reaches the output h_t?',
      choices: [
        { text: 'The output gate o', correct: true, why: 'h_t = o_t ⊙ tanh(c_t): with o = 0 the memory stays private, with o = 1 it is read out fully.' },
        { text: 'The input gate i', correct: false, why: 'The input gate decides what is written into the memory, not what is read from it.' },
        { text: 'The forget gate f', correct: false, why: 'The forget gate decides what stays in the memory from one step to the next.' },
      ],
    },
    {
      question: 'Why is f = −1 a problem for a memory?',
      choices: [
        { text: 'c_t = −c_{t−1} + i g: the stored value flips its sign at every step', correct: true, why: 'What the unit stored comes back negated every other step, so reading it needs the step count.' },
        { text: 'It makes the memory grow without bound', correct: false, why: '|f| = 1 keeps the size of c_{t−1}; only the sign changes.' },
        { text: 'It is the same as f = 1', correct: false, why: 'The size is the same, but the sign flips: −1 is not keep.' },
      ],
    },
    {
      question: 'What did the lab measure for a tanh forget gate, with forget bias 0, on echo at lag 10?',
      choices: [
        { text: 'It learned slower than the sigmoid gate, and still reached 100% by step 250', correct: true, why: 'After 150 steps its loss was above 0.65 while the sigmoid gate’s was below 0.35; by step 250 both were at 100%.' },
        { text: 'It never learned the task', correct: false, why: 'At lag 10 every run we measured got to 100%: there, “it won’t work” is too strong.' },
        { text: 'No difference from the sigmoid gate', correct: false, why: 'That was with forget bias 3, where both gates start near keep. With bias 0 the tanh gate was slower.' },
      ],
    },
    {
      question: 'An RNN and an LSTM have 16 units each on the same task. How many weights does the LSTM have?',
      choices: [
        { text: 'About 3.5 times as many: four blocks instead of one, the same output layer', correct: true, why: '4 × 352 + 68 = 1,476 against 352 + 68 = 420.' },
        { text: 'Exactly 4 times as many', correct: false, why: 'Only the gate blocks are four times as many; the output layer is the same size in both.' },
        { text: 'The same number', correct: false, why: 'Each gate has its own W_x·, W_h· and b·.' },
      ],
    },
  ],
  claims: [
    // measured (seeds 1–3): 100% from step 20–25 on; training loss at 50 0.34 / 0.32 / 0.29
    { says: 'This LSTM names every symbol right after 50 steps.', scenario: lstm(3), steps: 50, seeds: SEEDS, holds: { quantity: 'metric', op: '>=', value: 1 } },
    // measured at step 150, seeds 1–3: tanh 50% / 50% / 75%, loss 0.706 / 0.932 / 0.704; σ 100% / 75% / 100%, loss 0.165 / 0.305 / 0.024
    { says: 'After 150 steps it is part way: 50% to 75% right over seeds 1–3.', scenario: lstm(0, 'tanh'), steps: 150, seeds: SEEDS, holds: { quantity: 'metric', op: '>=', value: 0.5 } },
    { says: 'After 150 steps it is part way: 50% to 75% right over seeds 1–3.', scenario: lstm(0, 'tanh'), steps: 150, seeds: SEEDS, holds: { quantity: 'metric', op: '<=', value: 0.75 } },
    { says: 'After 150 steps the sigmoid gate names 75% to 100% right, with a loss below 0.35.', scenario: lstm(0), steps: 150, seeds: SEEDS, holds: { quantity: 'metric', op: '>=', value: 0.75 } },
    { says: 'After 150 steps the sigmoid gate names 75% to 100% right, with a loss below 0.35.', scenario: lstm(0), steps: 150, seeds: SEEDS, holds: { quantity: 'loss', op: '<', value: 0.35 } },
    { says: 'The tanh gate’s loss is still above 0.65 then.', scenario: lstm(0, 'tanh'), steps: 150, seeds: SEEDS, holds: { quantity: 'loss', op: '>', value: 0.65 } },
    // measured: σ at 100% from step 130 / 165 / 70, tanh from 165 / 190 / 180
    { says: 'By step 250 both gates name every symbol right.', scenario: lstm(0), steps: 250, seeds: SEEDS, holds: { quantity: 'metric', op: '>=', value: 1 } },
    { says: 'By step 250 both gates name every symbol right.', scenario: lstm(0, 'tanh'), steps: 250, seeds: SEEDS, holds: { quantity: 'metric', op: '>=', value: 1 } },
    // measured: both gates at 100% from step 25 on, seeds 1–3
    { says: 'With forget bias 3 the difference is gone: both gates reach 100% within 50 steps.', scenario: lstm(3), steps: 50, seeds: SEEDS, holds: { quantity: 'metric', op: '>=', value: 1 } },
    { says: 'With forget bias 3 the difference is gone: both gates reach 100% within 50 steps.', scenario: lstm(3, 'tanh'), steps: 50, seeds: SEEDS, holds: { quantity: 'metric', op: '>=', value: 1 } },
    // |θ| from the engine: the Session's net.theta.length is 1,476 (LSTM) and 420 (RNN) at 16 units, I = 5, O = 4
    { says: 'It has 1,476, about 3.5 times the RNN’s 420.', scenario: lstm(3), steps: 0, seeds: [1], holds: { quantity: 'weights', op: '>=', value: 1476 } },
    { says: 'It has 1,476, about 3.5 times the RNN’s 420.', scenario: lstm(3), steps: 0, seeds: [1], holds: { quantity: 'weights', op: '<=', value: 1476 } },
    { says: 'An RNN with 16 units has 420 weights and biases on this task.', scenario: rnn, steps: 0, seeds: [1], holds: { quantity: 'weights', op: '>=', value: 420 } },
    { says: 'An RNN with 16 units has 420 weights and biases on this task.', scenario: rnn, steps: 0, seeds: [1], holds: { quantity: 'weights', op: '<=', value: 420 } },
  ],
};
