import type { Lesson } from '../types';
import { lessonMeta } from '../catalog';

/** Echo across 20 blank steps (T = 21): a cell must keep the first symbol to answer at the end. Paused. */
const echo = (cell: 'gru' | 'lstm') => `task=echo&lag=20&cell=${cell}&speed=20&play=0`;
/** The adding problem at T = 25, small batches: where the three cells part ways within a few hundred steps. */
const adding = (cell: 'gru' | 'lstm' | 'rnn') => `task=adding&T=25&batch=8&cell=${cell}&speed=50&play=0`;


export const lesson: Lesson = {
  ...lessonMeta('gru'),
  steps: [
    {
      title: 'Two gates, no memory cell',
      scenario: echo('gru'),
      views: ['gates'],
      highlight: 'z',
      text: [
        'The LSTM keeps a separate memory cell $c$. The GRU (Cho et al., 2014) keeps only its hidden state $h$, and has two gates.',
        'The update gate $z$ blends old and new: $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$, where $n_t$ is a candidate new state and $\\odot$ multiplies unit by unit.',
        'So in this engine, $z$ near 1 keeps the old state, and $z$ near 0 replaces it with the candidate.',
        'Careful: some texts write $h_t = z_t \\odot n_t + (1 - z_t) \\odot h_{t-1}$. There $z$ near 1 writes. It is the same cell with the gate turned round, so check which form a text uses.',
      ],
      alt: 'Heatmaps of the GRU’s update gate z, reset gate r, candidate n and state h for one echo sequence of 21 steps, units as rows and steps as columns; below them, the cell diagram of one unit with the z gate highlighted.',
      notes: 'The most common confusion about the GRU. This engine’s form is Cho et al.’s (and PyTorch’s); other textbooks and lecture notes use the other. Ask the room: to remember something, which way must z go here?',
    },
    {
      title: 'The reset gate',
      scenario: echo('gru'),
      views: ['gates'],
      highlight: 'r',
      text: [
        'The reset gate $r$ acts inside the candidate: $n_t = \\tanh(W_{xn} x_t + W_{hn} (r_t \\odot h_{t-1}) + b_n)$.',
        'With $r$ near 0 the candidate ignores the old state and is built from the input alone. With $r$ near 1 it sees all of it.',
        'So $r$ decides what the new proposal is made of, and $z$ decides how much of it gets in.',
        'There is no output gate: all of $h$ is passed on, to the output and to the next step.',
      ],
      alt: 'The same heatmaps and cell diagram, now with the reset gate r highlighted: r multiplies the old state on its way into the candidate n.',
      notes: 'This engine applies r before the recurrent product (Cho et al. 2014). PyTorch and Keras by default apply it after, r ⊙ (W h + b): a slightly different cell with one more bias.',
    },
    {
      title: 'Three blocks of weights, not four',
      scenario: echo('gru'),
      views: ['formulas'],
      text: [
        'Each gate, and the candidate, has its own block of weights: a matrix for the input, a matrix for the old state, and a bias.',
        'The GRU has three such blocks ($z$, $r$, $n$). The LSTM has four ($f$, $i$, $o$ and its candidate $g$).',
        'Here the network has 16 units, 5 inputs and 4 outputs. An LSTM of the same size has 1,476 weights and biases.',
      ],
      alt: 'The GRU’s equations with this network’s numbers filled in: the z, r and n rows, each with its input weights, recurrent weights and bias.',
      interaction: {
        kind: 'predict',
        question: 'how many weights and biases does this GRU have?',
        quantity: 'weights',
        after: 0,
        choices: [
          { label: 'The same as the LSTM: 1,476', range: [1476, Number.POSITIVE_INFINITY] },
          { label: 'About three quarters: roughly 1,100', range: [1000, 1476] },
          { label: 'About half: roughly 740', range: [0, 1000] },
        ],
        explain: 'The cell loses exactly one block in four: 3 × 16 × (5 + 16 + 1) = 1,056 against 4 × 16 × 22 = 1,408. The output layer, 4 × 17 = 68, is the same, so the GRU has 1,124 in all.',
      },
      notes: 'Write the count on the board: blocks × units × (inputs + units + 1), plus the output layer. Fewer weights means less to store and slightly less work per step, not necessarily worse learning.',
    },
    {
      title: 'At first, z is about one half',
      scenario: echo('gru'),
      views: ['flow', 'gates'],
      highlight: 'dh',
      text: [
        'Before training the biases are 0 and the weights random, so the gates start spread around $\\sigma(0) = 0.5$.',
        'Even the unit that keeps best, the one “Find the memory unit” picks, has a mean $z$ of only 0.6 to 0.75: not near 1.',
        'Then each step keeps only part of the old state, and passes back only part of the error.',
      ],
      alt: 'A log-scale plot of the size of the last step’s error at each earlier step, falling steadily from step 20 back to step 0; the gate heatmaps sit around the middle of their colour scale.',
      interaction: {
        kind: 'predict',
        question: 'the echo task needs the first symbol 20 steps later. Before training, how much of the last step’s error reaches step 0?',
        quantity: 'gradRatio',
        after: 0,
        choices: [
          { label: 'Most of it (more than 30%)', range: [0.3, Number.POSITIVE_INFINITY] },
          { label: 'Some of it (1% to 30%)', range: [0.01, 0.3] },
          { label: 'Almost none (less than 1%)', range: [0, 0.01] },
        ],
        explain: 'Less than 1% reaches step 0: each step back multiplies the error by about 0.7 here, and 0.7²⁰ ≈ 0.0008. A GRU is not a memory by itself: to carry the symbol across 20 steps, training has to change z.',
      },
      notes: 'The gated cells do not switch off the vanishing gradient; they give the network a path where the factor per step can be made close to 1. Compare with the LSTM’s forget-gate bias, which starts f near 0.73 (bias 1).',
    },
    {
      title: 'After training',
      scenario: echo('gru'),
      views: ['gates', 'flow'],
      highlight: 'z',
      text: [
        'Now train. To answer, the network must carry the first symbol across 20 blank steps.',
        'After training, press "Find the memory unit" in the gates view. It picks the unit that best keeps what it held at step 0.',
      ],
      alt: 'The gate heatmaps after training: in a few units the update gate z is near 1 across the blank steps; the error plot below has flattened, so much more of the error reaches step 0.',
      interaction: {
        kind: 'predict',
        question: 'after 100 training steps, what is the memory unit’s mean update gate z over the blank steps?',
        quantity: 'memoryKeep',
        after: 100,
        choices: [
          { label: 'Near 0 (below 0.3): it writes the new input', range: [0, 0.3] },
          { label: 'Around a half (0.3 to 0.8)', range: [0.3, 0.8] },
          { label: 'Near 1 (0.8 or more): it keeps the old state', range: [0.8, Number.POSITIVE_INFINITY] },
        ],
        explain: 'Its mean z is now above 0.9: to remember, a unit must keep its state, and here keeping means z near 1. The error now flows back along that path: more than 10% of it reaches step 0.',
      },
      notes: 'If someone answered "near 0", go back to the formula: that is the other texts’ convention. The readout under the diagram gives the kept share and the mean z of the selected unit.',
    },
    {
      title: 'GRU, LSTM and RNN on one task',
      scenario: adding('gru'),
      views: ['compare'],
      text: [
        'The adding problem: 25 numbers go by, two of them marked, and at the end the network must give their sum. Always answering 1.0 is the baseline.',
        'Press "Start comparison". The same task, seed and settings train a plain RNN, an LSTM and this GRU side by side.',
      ],
      alt: 'Three columns, RNN, LSTM and GRU, each with its loss and error curves and its gradient-flow profile on shared axes; the GRU’s error curve drops far below the always-1.0 line while the other two stay above it longer.',
      interaction: {
        kind: 'predict',
        question: 'after 300 steps, where is the GRU’s error (MSE)?',
        quantity: 'metric',
        after: 300,
        choices: [
          { label: 'Still near always answering 1.0 (above 0.1)', range: [0.1, Number.POSITIVE_INFINITY] },
          { label: 'Somewhat better (0.05 to 0.1)', range: [0.05, 0.1] },
          { label: 'Far better (below 0.05)', range: [0, 0.05] },
        ],
        explain: 'The GRU is below 0.02 after 300 steps, while the LSTM and the RNN are still above 0.05. Fewer weights is not weaker: on this task, at this budget, the GRU learns first.',
      },
      notes: 'One task is not a verdict. On echo at lag 80 with a forget-gate bias of 3, the LSTM holds where the GRU, whose z starts near 0.5, fails within 1,500 steps (docs/experiments.md). Which cell wins depends on the task and on where the gates start.',
    },
  ],
  quiz: [
    {
      question: 'In this engine h = (1 − z)·n + z·h₋₁. A unit must hold a value for 50 steps. What should its z be?',
      choices: [
        { text: 'Near 1', correct: true, why: 'Then h ≈ h₋₁ at every step: the old state is kept.' },
        { text: 'Near 0', correct: false, why: 'Then h ≈ n: the state is replaced by the candidate at every step. That is "near 1" only in texts that write the formula the other way round.' },
        { text: 'About 0.5', correct: false, why: 'Half is kept per step, and 0.5⁵⁰ is about 10⁻¹⁵: nothing survives.' },
      ],
    },
    {
      question: 'What does the reset gate r do?',
      choices: [
        { text: 'It scales how much of the old state the candidate n sees', correct: true, why: 'n = tanh(W x + W (r ⊙ h₋₁) + b): r near 0 builds the candidate from the input alone.' },
        { text: 'It sets h back to zero at the end of a sequence', correct: false, why: 'Nothing is reset between steps; r only acts inside the candidate.' },
        { text: 'It decides how much of h is shown as output', correct: false, why: 'The GRU has no output gate: all of h is passed on.' },
      ],
    },
    {
      question: 'A GRU and an LSTM with the same number of units and inputs: which has fewer weights?',
      choices: [
        { text: 'The GRU: three blocks of weights instead of four', correct: true, why: 'z, r and n against f, i, g and o: the cell’s weights shrink by a quarter.' },
        { text: 'The LSTM: its gates share weights', correct: false, why: 'Every gate of both cells has its own block of weights.' },
        { text: 'Neither: gates have no weights of their own', correct: false, why: 'Each gate is a small layer with its own input weights, recurrent weights and bias.' },
      ],
    },
    {
      question: 'Does a GRU always learn faster than an LSTM?',
      choices: [
        { text: 'No: it depends on the task, the budget and where the gates start', correct: true, why: 'Here the GRU won on the adding problem; on other tasks, or with other starting gates, the order can change.' },
        { text: 'Yes: fewer weights always learn faster', correct: false, why: 'Fewer weights make a step cheaper, not learning surer.' },
        { text: 'No: the LSTM always wins, thanks to its memory cell', correct: false, why: 'On the adding problem here, the GRU was well ahead after 300 steps.' },
      ],
    },
  ],
  claims: [
    { says: 'An LSTM of the same size has 1,476 weights and biases.', scenario: echo('lstm'), steps: 0, seeds: [1], holds: { quantity: 'weights', op: '>=', value: 1476 } },
    { says: 'An LSTM of the same size has 1,476 weights and biases.', scenario: echo('lstm'), steps: 0, seeds: [1], holds: { quantity: 'weights', op: '<=', value: 1476 } },
    { says: 'so the GRU has 1,124 in all.', scenario: echo('gru'), steps: 0, seeds: [1], holds: { quantity: 'weights', op: '>=', value: 1124 } },
    { says: 'so the GRU has 1,124 in all.', scenario: echo('gru'), steps: 0, seeds: [1], holds: { quantity: 'weights', op: '<=', value: 1124 } },
    // measured before training, seeds 1–8: the memory unit's mean z 0.709 / 0.668 / 0.643 / 0.622 / 0.622 / 0.599 / 0.675 / 0.698
    { says: 'has a mean $z$ of only 0.6 to 0.75: not near 1.', scenario: echo('gru'), steps: 0, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'memoryKeep', op: '>', value: 0.6 } },
    { says: 'has a mean $z$ of only 0.6 to 0.75: not near 1.', scenario: echo('gru'), steps: 0, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'memoryKeep', op: '<', value: 0.75 } },
    { says: 'and passes back only part of the error.', scenario: echo('gru'), steps: 0, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'stepFactor', op: '<', value: 0.8 } },
    { says: 'Less than 1% reaches step 0', scenario: echo('gru'), steps: 0, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'gradRatio', op: '<', value: 0.01 } },
    { says: 'each step back multiplies the error by about 0.7 here', scenario: echo('gru'), steps: 0, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'stepFactor', op: '>', value: 0.6 } },
    { says: 'each step back multiplies the error by about 0.7 here', scenario: echo('gru'), steps: 0, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'stepFactor', op: '<', value: 0.8 } },
    { says: 'Its mean z is now above 0.9', scenario: echo('gru'), steps: 100, seeds: [1, 2, 3], holds: { quantity: 'memoryKeep', op: '>', value: 0.9 } },
    { says: 'more than 10% of it reaches step 0.', scenario: echo('gru'), steps: 100, seeds: [1, 2, 3], holds: { quantity: 'gradRatio', op: '>', value: 0.1 } },
    { says: 'The GRU is below 0.02 after 300 steps', scenario: adding('gru'), steps: 300, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '<', value: 0.02 } },
    { says: 'while the LSTM and the RNN are still above 0.05.', scenario: adding('lstm'), steps: 300, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '>', value: 0.05 } },
    { says: 'while the LSTM and the RNN are still above 0.05.', scenario: adding('rnn'), steps: 300, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '>', value: 0.05 } },
  ],
};
