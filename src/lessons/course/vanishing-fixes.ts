import type { Lesson } from '../types';
import { lessonMeta } from '../catalog';

/** Echo across 80 blanks with the settings of docs/experiments.md: 16 units, Adam, batch 32, norm clipping at 1. */
const SETTINGS = 'task=echo&lag=80&symbols=4&hidden=16&opt=adam&clip=norm&clipAt=1&batch=32';

/** The model under test (cell, activation, initialization) at learning rate `lr`, at full speed, paused. */
const echo = (model: string, { lr = 0.003 } = {}) => `${SETTINGS}&lr=${lr}&${model}&speed=0&play=0`;

/** U(±1/√H) = U(±0.25) for every weight: small weights, ρ(W_hh) well below 1. */
const SMALL = 'cell=rnn&act=tanh&init=uniform&iscale=0.25';
const XAVIER = 'cell=rnn&act=tanh&init=xavier';
const RELU = 'cell=rnn&act=relu&init=xavier';
/** The IRNN: ReLU with W_hh = I (input weights N(0, 0.001²)). */
const IRNN = 'cell=rnn&act=relu&init=identity';
const lstm = (fbias: number) => `cell=lstm&init=xavier&fbias=${fbias}`;

const SEEDS = [1, 2, 3];

export const lesson: Lesson = {
  ...lessonMeta('vanishing-fixes'),
  steps: [
    {
      title: 'Small weights forget',
      scenario: echo(SMALL),
      views: ['flow'],
      highlight: 'dh',
      text: [
        'The task is echo: the network sees one of 4 symbols, then 80 blanks, and must then name the symbol. Guessing scores 25%.',
        'A tanh RNN with 16 units. Its weights start small: drawn evenly between −0.25 and 0.25, that is $\\pm 1/\\sqrt{H}$ for $H = 16$, a common default.',
        'Then $\\rho(W_{hh})$ is below 0.8, and on average each step back multiplies the error by less than 0.75.',
      ],
      alt: 'A log-scale plot of the size of the last step’s error at each step k, the last step on the left and step 0 on the right; it falls steeply, by more than ten powers of ten.',
      interaction: {
        kind: 'predict',
        question: 'how much of the last step’s error reaches step 0, 80 steps back?',
        quantity: 'gradRatio',
        after: 0,
        choices: [
          { label: 'More than 1%', range: [0.01, Number.POSITIVE_INFINITY] },
          { label: 'Between one in a million and 1%', range: [1e-6, 0.01] },
          { label: 'Less than one in a million', range: [0, 1e-6] },
        ],
        explain: 'Less than a millionth of a millionth reaches step 0: even 0.7, multiplied 80 times, is about 4·10⁻¹³. Trained with Adam for 100 steps, this network is still at chance, 25%, in all three seeds.',
      },
      notes: 'U(±1/√H) is the default of some frameworks (PyTorch’s RNN layers, for one). All weights here use it, input and output weights too. This is the vanishing gradient of lesson 5, now with a real task attached.',
    },
    {
      title: 'Xavier: keep the variance',
      scenario: echo(XAVIER),
      views: ['curve', 'flow'],
      highlight: 'Whh',
      text: [
        'Xavier (Glorot) initialization draws each weight with variance $2/(n_{in} + n_{out})$. For $W_{hh}$, 16 by 16, that is $1/H$: three times the variance of $\\pm 1/\\sqrt{H}$.',
        'A random matrix whose entries have variance $1/H$ has $\\rho$ near 1. Here $\\rho(W_{hh})$ starts between 0.9 and 1.3.',
        'For seeds 1 and 3, more than a tenth of the error now reaches step 0.',
      ],
      alt: 'The training curve with the 25% chance line, and the error plot, which now stays within about one power of ten from the last step back to step 0.',
      interaction: {
        kind: 'predict',
        question: 'with Xavier weights, how often does it name the symbol after 100 training steps?',
        quantity: 'metric',
        after: 100,
        choices: [
          { label: 'Every time: 100%', range: [0.99, Number.POSITIVE_INFINITY] },
          { label: 'Sometimes: 30% to 99%', range: [0.3, 0.99] },
          { label: 'Guessing: about 25%', range: [0, 0.3] },
        ],
        explain: 'With seed 1 it names every symbol by step 100, and so does seed 3. Seed 2 starts with ρ(W_hh) just under 1, and its error still vanishes at first: at step 100 it is still at chance.',
      },
      notes: 'Change nothing but the initialization, and lag 80 goes from hopeless to solved in 100 steps for two seeds of three. The third shows that “ρ near 1” is a statistical statement about random matrices, not a promise; docs/experiments.md has it reaching 100% at step 800.',
    },
    {
      title: 'ReLU alone is no cure',
      scenario: echo(RELU),
      views: ['flow'],
      controls: ['seed'],
      highlight: 'dh',
      text: [
        'ReLU, $\\max(0, a)$, has slope exactly 1 wherever a unit is on. Unlike tanh, it never shrinks the error of an active unit.',
        'So is ReLU the fix? Here is the same Xavier RNN with ReLU instead of tanh.',
        'With seeds 1 and 2 the error still vanishes: less than $10^{-15}$ of it reaches step 0. Units that are off pass nothing back, and $W_{hh}$ still multiplies at every step.',
      ],
      alt: 'The error plot of the ReLU network at its starting weights: for seed 1 it falls by more than fifteen powers of ten towards step 0.',
      interaction: {
        kind: 'try',
        goal: 'change the seed until the error explodes instead: more than 100 times the last step’s error reaches step 0.',
        holds: { quantity: 'gradRatio', op: '>', value: 100 },
        why: 'With seed 3 the error reaching step 0 is more than 1,000 times the last step’s. ReLU bounds nothing: where ρ(W_hh) is above 1, the product can grow without limit.',
        solve: { seed: '3' },
      },
      notes: 'The textbook advice “use ReLU” needs a second half: start W_hh where the product stays near 1. That is the next step. Seed 3 has ρ(W_hh) ≈ 1.28.',
    },
    {
      title: 'ReLU with W = I: the IRNN',
      scenario: echo(IRNN, { lr: 0.0003 }),
      views: ['curve', 'flow'],
      highlight: 'Whh',
      text: [
        'Now start $W_{hh}$ at the identity matrix $I$, with ReLU: the IRNN. An active unit then copies itself to the next step, and its error back, unchanged.',
        'More than 70% of the last step’s error reaches step 0, 80 steps back, in all three seeds.',
        'It is touchy, though. With Adam at learning rate 0.003, as before, it is still at 50% or less after 600 steps. This step uses 0.0003.',
      ],
      alt: 'The training curve of the IRNN with the 25% chance line, and its error plot: an almost flat line from the last step back to step 0.',
      interaction: {
        kind: 'predict',
        question: 'with learning rate 0.0003, how often does the IRNN name the symbol after 600 training steps?',
        quantity: 'metric',
        after: 600,
        choices: [
          { label: 'Every time: 100%', range: [0.99, Number.POSITIVE_INFINITY] },
          { label: 'Sometimes: 30% to 99%', range: [0.3, 0.99] },
          { label: 'Guessing: about 25%', range: [0, 0.3] },
        ],
        explain: 'All three seeds name every symbol by step 600. The error reaches step 0, so the weights hear about the symbol; the small learning rate is part of the recipe here.',
      },
      notes: 'The IRNN is from Le, Jaitly and Hinton (2015). With learning rate 0.003, seeds 1 and 2 stay at 25% and seed 3 at 50% from step 100 to 600. Here 600 steps take several seconds.',
    },
    {
      title: 'Gated cells',
      scenario: echo(lstm(3)),
      views: ['curve', 'flow', 'gates'],
      highlight: 'f',
      text: [
        'The third remedy changes the cell. An LSTM carries a memory $c$ that each step scales by its forget gate $f$ and adds to: $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$.',
        'Here $\\odot$ multiplies unit by unit, $g_t$ is the candidate (the new content the cell could write), and the input gate $i$ says how much of it to write.',
        'Going back along $c$, the error is multiplied by $f$, not by $W_{hh}$ and a slope. With $f$ near 1 it passes. A later lesson opens the LSTM up.',
        'A forget-gate bias of 3 starts $f$ near 1: for the unit that best keeps what it stored at step 0, the mean $f$ starts above 0.95.',
        'In the gates view, press Find the memory unit to read that mean $f$.',
      ],
      alt: 'The training curve of the LSTM with the 25% chance line, its error plot with a second, dashed line for the error along the memory c, and heatmaps of its gates, with a button that finds the memory unit and a line that reads its mean forget gate f.',
      interaction: {
        kind: 'predict',
        question: 'after 100 training steps, how often does this LSTM name the symbol across 80 blanks?',
        quantity: 'metric',
        after: 100,
        choices: [
          { label: 'Every time: 100%', range: [0.99, Number.POSITIVE_INFINITY] },
          { label: 'Sometimes: 30% to 99%', range: [0.3, 0.99] },
          { label: 'Guessing: about 25%', range: [0, 0.3] },
        ],
        explain: 'With a forget-gate bias of 3 it names every symbol by step 100, in all three seeds. With the lab’s default bias of 1, after the same 100 steps it is at 50% or less. A gated cell helps when its forget gate starts near 1.',
      },
      notes: 'The misconception: “the LSTM solves vanishing gradients”. It gives the error a path whose factor is f. With bias 1 the keeping unit’s f starts near 0.83, and we watched lag 80 for 400 steps: still 25%, 25% and 50%. With bias 3 it starts above 0.95, and 100 steps suffice. Not every gated cell wins: docs/experiments.md has the GRU at chance at lag 80 after 1,500 steps.',
    },
    {
      title: 'One target, three remedies',
      scenario: echo(SMALL),
      views: ['curve', 'flow'],
      controls: ['init', 'act', 'cell', 'fbias', 'lr'],
      text: [
        'Three remedies, one target: the factor that multiplies the error at each step back.',
        'Xavier makes $W_{hh}$’s factor near 1. ReLU with $W_{hh} = I$ makes it exactly 1 for active units. A gated cell adds a path whose factor is the forget gate.',
        'None is a guarantee here: Xavier’s seed 2 was slow, plain ReLU vanished or exploded, the IRNN needed a small learning rate, and the LSTM a forget bias of 3.',
      ],
      alt: 'The training curve and the error plot of the small-weight RNN from the first step, at chance; they change with the settings the student picks.',
      interaction: {
        kind: 'try',
        goal: 'start from the small weights that forget, change settings and press Play, until the network names every symbol (100%).',
        holds: { quantity: 'metric', op: '>', value: 0.99 },
        why: 'Whichever remedy you used, it made the factor per step back closer to 1, so that the error of the last step reached the symbol at step 0.',
        solve: { init: 'xavier', play: '1' },
      },
      notes: 'Quickest routes: initialization xavier (seed 1, about 100 steps), or cell lstm with forget bias 3. The IRNN needs initialization identity, activation relu and learning rate 0.0003, three changes.',
    },
  ],
  quiz: [
    {
      question: 'With weights drawn from U(±1/√H), ρ(W_hh) is below 0.8. What happens to the error over 80 steps back?',
      choices: [
        { text: 'It vanishes: less than a millionth of a millionth is left', correct: true, why: 'It is multiplied eighty times, on average by less than 0.75 each time: even 0.7⁸⁰ is about 4·10⁻¹³.' },
        { text: 'About 70% of it is left', correct: false, why: 'That is about one step back. Eighty steps multiply eighty times.' },
        { text: 'It explodes', correct: false, why: 'A factor below 1 per step shrinks the error.' },
      ],
    },
    {
      question: 'Why did ReLU alone (with Xavier weights) not fix the vanishing error?',
      choices: [
        { text: 'Units that are off pass nothing back, and W_hh still multiplies at every step', correct: true, why: 'ReLU’s slope is 1 only for active units; the product through W_hh still vanished for two seeds and exploded for the third.' },
        { text: 'ReLU’s slope is always below 1', correct: false, why: 'It is exactly 1 where a unit is on, and 0 where it is off.' },
        { text: 'ReLU cannot be used in an RNN', correct: false, why: 'It can: the IRNN is a ReLU RNN, and it learned lag 80.' },
      ],
    },
    {
      question: 'What makes the IRNN pass the error back almost whole?',
      choices: [
        { text: 'W_hh starts as the identity, and ReLU’s slope is 1 for active units, so each step back multiplies by 1', correct: true, why: 'More than 70% reached step 0, 80 steps back.' },
        { text: 'A larger learning rate', correct: false, why: 'It needed a smaller one: at 0.003 it was still at 50% or less after 600 steps.' },
        { text: 'Its forget gate', correct: false, why: 'An IRNN has no gates; it is a plain RNN with a special start.' },
      ],
    },
    {
      question: 'An LSTM with forget bias 1 stays near chance at lag 80; with forget bias 3 it learns in 100 steps. Why?',
      choices: [
        { text: 'Bias 3 starts the forget gate near 1, so the error along the memory barely shrinks per step', correct: true, why: 'Along c each step back multiplies by f: about 0.95 eighty times keeps far more than about 0.83 eighty times.' },
        { text: 'Bias 3 gives the LSTM more memory cells', correct: false, why: 'The number of units is the same, 16; only the gate’s starting point changes.' },
        { text: 'An LSTM never has vanishing gradients', correct: false, why: 'With bias 1 it did not learn lag 80 in our runs: the gate has to start (or learn to be) near 1.' },
      ],
    },
  ],
  claims: [
    { says: 'Then $\\rho(W_{hh})$ is below 0.8, and on average each step back multiplies the error by less than 0.75.', scenario: echo(SMALL), steps: 0, seeds: SEEDS, holds: { quantity: 'rho', op: '<', value: 0.8 } },
    // the geometric mean of the 80 steps' factors: 0.666, 0.506, 0.689 on seeds 1–3 (single steps reach 0.82: 31 of 80 are above 0.7 on seed 1)
    { says: 'Then $\\rho(W_{hh})$ is below 0.8, and on average each step back multiplies the error by less than 0.75.', scenario: echo(SMALL), steps: 0, seeds: SEEDS, holds: { quantity: 'stepFactor', op: '<', value: 0.75 } },
    { says: 'Less than a millionth of a millionth reaches step 0', scenario: echo(SMALL), steps: 0, seeds: SEEDS, holds: { quantity: 'gradRatio', op: '<', value: 1e-12 } },
    { says: 'Trained with Adam for 100 steps, this network is still at chance, 25%, in all three seeds.', scenario: echo(SMALL), steps: 100, seeds: SEEDS, holds: { quantity: 'metric', op: '<', value: 0.26 } },
    { says: 'Here $\\rho(W_{hh})$ starts between 0.9 and 1.3.', scenario: echo(XAVIER), steps: 0, seeds: SEEDS, holds: { quantity: 'rho', op: '>', value: 0.9 } },
    { says: 'Here $\\rho(W_{hh})$ starts between 0.9 and 1.3.', scenario: echo(XAVIER), steps: 0, seeds: SEEDS, holds: { quantity: 'rho', op: '<', value: 1.3 } },
    { says: 'For seeds 1 and 3, more than a tenth of the error now reaches step 0.', scenario: echo(XAVIER), steps: 0, seeds: [1, 3], holds: { quantity: 'gradRatio', op: '>', value: 0.1 } },
    { says: 'With seed 1 it names every symbol by step 100, and so does seed 3.', scenario: echo(XAVIER), steps: 100, seeds: [1, 3], holds: { quantity: 'metric', op: '>', value: 0.99 } },
    { says: 'Seed 2 starts with ρ(W_hh) just under 1, and its error still vanishes at first', scenario: echo(XAVIER), steps: 0, seeds: [2], holds: { quantity: 'rho', op: '<', value: 1 } },
    { says: 'Seed 2 starts with ρ(W_hh) just under 1, and its error still vanishes at first', scenario: echo(XAVIER), steps: 0, seeds: [2], holds: { quantity: 'gradRatio', op: '<', value: 1e-12 } },
    { says: 'at step 100 it is still at chance.', scenario: echo(XAVIER), steps: 100, seeds: [2], holds: { quantity: 'metric', op: '<', value: 0.26 } },
    { says: 'With seeds 1 and 2 the error still vanishes: less than $10^{-15}$ of it reaches step 0.', scenario: echo(RELU), steps: 0, seeds: [1, 2], holds: { quantity: 'gradRatio', op: '<', value: 1e-15 } },
    { says: 'With seed 3 the error reaching step 0 is more than 1,000 times the last step’s.', scenario: echo(RELU), steps: 0, seeds: [3], holds: { quantity: 'gradRatio', op: '>', value: 1000 } },
    { says: 'where ρ(W_hh) is above 1, the product can grow without limit.', scenario: echo(RELU), steps: 0, seeds: [3], holds: { quantity: 'rho', op: '>', value: 1 } },
    { says: 'More than 70% of the last step’s error reaches step 0, 80 steps back, in all three seeds.', scenario: echo(IRNN, { lr: 0.0003 }), steps: 0, seeds: SEEDS, holds: { quantity: 'gradRatio', op: '>', value: 0.7 } },
    { says: 'With Adam at learning rate 0.003, as before, it is still at 50% or less after 600 steps.', scenario: echo(IRNN), steps: 600, seeds: SEEDS, holds: { quantity: 'metric', op: '<', value: 0.51 } },
    { says: 'All three seeds name every symbol by step 600.', scenario: echo(IRNN, { lr: 0.0003 }), steps: 600, seeds: SEEDS, holds: { quantity: 'metric', op: '>', value: 0.99 } },
    { says: 'for the unit that best keeps what it stored at step 0, the mean $f$ starts above 0.95.', scenario: echo(lstm(3)), steps: 0, seeds: SEEDS, holds: { quantity: 'memoryKeep', op: '>', value: 0.95 } },
    { says: 'With a forget-gate bias of 3 it names every symbol by step 100, in all three seeds.', scenario: echo(lstm(3)), steps: 100, seeds: SEEDS, holds: { quantity: 'metric', op: '>', value: 0.99 } },
    { says: 'With the lab’s default bias of 1, after the same 100 steps it is at 50% or less.', scenario: echo(lstm(1)), steps: 100, seeds: SEEDS, holds: { quantity: 'metric', op: '<', value: 0.51 } },
    { says: 'None is a guarantee here: Xavier’s seed 2 was slow, plain ReLU vanished or exploded, the IRNN needed a small learning rate, and the LSTM a forget bias of 3.', scenario: echo(XAVIER), steps: 100, seeds: [2], holds: { quantity: 'metric', op: '<', value: 0.26 } },
    { says: 'None is a guarantee here: Xavier’s seed 2 was slow, plain ReLU vanished or exploded, the IRNN needed a small learning rate, and the LSTM a forget bias of 3.', scenario: echo(RELU), steps: 0, seeds: [1, 2], holds: { quantity: 'gradRatio', op: '<', value: 1e-15 } },
    { says: 'None is a guarantee here: Xavier’s seed 2 was slow, plain ReLU vanished or exploded, the IRNN needed a small learning rate, and the LSTM a forget bias of 3.', scenario: echo(RELU), steps: 0, seeds: [3], holds: { quantity: 'gradRatio', op: '>', value: 1000 } },
    { says: 'None is a guarantee here: Xavier’s seed 2 was slow, plain ReLU vanished or exploded, the IRNN needed a small learning rate, and the LSTM a forget bias of 3.', scenario: echo(IRNN), steps: 600, seeds: SEEDS, holds: { quantity: 'metric', op: '<', value: 0.51 } },
    { says: 'None is a guarantee here: Xavier’s seed 2 was slow, plain ReLU vanished or exploded, the IRNN needed a small learning rate, and the LSTM a forget bias of 3.', scenario: echo(lstm(1)), steps: 100, seeds: SEEDS, holds: { quantity: 'metric', op: '<', value: 0.51 } },
  ],
};
