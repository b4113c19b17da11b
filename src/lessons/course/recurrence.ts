import type { Lesson } from '../types';
import { lessonMeta } from '../catalog';

/**
 * A tanh RNN of 16 units on echo at lag 2 (a symbol, 2 blanks, then name the symbol), with the settings of
 * docs/experiments.md (Xavier, Adam 0.003, norm clipping at 1, batch 32). `rec` off cuts the loop: every step reads
 * h_{t−1} = 0, a feed-forward network applied to each step on its own. Paused unless `play`.
 */
const echo = (rec: 'on' | 'off', play = false, speed = 20) =>
  `task=echo&lag=2&symbols=4&cell=rnn&act=tanh&hidden=16&init=xavier&opt=adam&lr=0.003&clip=norm&clipAt=1&batch=32${rec === 'off' ? '&rec=off' : ''}&speed=${speed}${play ? '' : '&play=0'}`;
const SEEDS = [1, 2, 3];


export const lesson: Lesson = {
  ...lessonMeta('recurrence'),
  steps: [
    {
      title: 'One answer per input',
      scenario: echo('off'),
      views: ['output'],
      text: [
        'A feed-forward network answers each input on its own. Show it a tiger, then an elephant, then a rabbit: each answer comes from one picture.',
        'Write $p(t)$ for its prediction at step $t$. Then $p(t)$ depends on the input $x_t$ only. It does not depend on $p(t-1)$, $p(t-2)$ or the inputs before.',
        'That is right when the examples are independent. Many are not: the next word of a sentence depends on the words before it.',
      ],
      alt: 'A table of answers, one row per input sequence: the sequence (a letter, then two blanks), the target letter, the network’s answer, and whether it is right.',
      notes: 'Ask for examples where order matters: text, speech, prices, music. Then ask for examples where it does not: single photos, one medical scan. This network has its recurrence switched off, so it is a feed-forward network; the table comes alive in the next step.',
    },
    {
      title: 'A task that needs the past',
      scenario: echo('off'),
      views: ['curve', 'output'],
      text: [
        'Here is such a task: echo. The network sees a symbol (A, B, C or D), then 2 blanks (·). At the last step it must name the symbol.',
        'This network has its recurrence off. Every step is computed from its own input alone: a feed-forward network, applied step by step.',
        'At the last step its input is a blank, the same in every sequence.',
      ],
      alt: 'The training curve, empty until training starts, and the table of answers for the first evaluation sequences.',
      interaction: {
        kind: 'predict',
        question: 'without recurrence, how often will it name the symbol right after 100 training steps?',
        quantity: 'metric',
        after: 100,
        choices: [
          { label: 'Almost always: 90% or more', range: [0.9, Number.POSITIVE_INFINITY] },
          { label: 'Often: 40% to 90%', range: [0.4, 0.9] },
          { label: 'No better than a guess: under 40%', range: [0, 0.4] },
        ],
        explain: 'It is right exactly 25% of the time, the chance of guessing one of 4 symbols. It sees only a blank, so it gives every sequence the same answer, and that answer is right for 1 symbol in 4.',
      },
      notes: 'Let the room commit before pressing the button. Point at the table once it has trained: the network column shows the same letter in every row. That is what “p(t) depends on x_t only” means here.',
    },
    {
      title: 'More training does not help',
      scenario: echo('off', true, 100),
      views: ['curve'],
      text: [
        'Let it train longer. Even after 400 steps it stays at exactly 25%.',
        'Its loss stays near $\\ln 4 \\approx 1.39$: the loss of spreading its bet evenly over the 4 symbols.',
        'This is not a training problem. The answer is not in the input it sees, so no weights can find it.',
      ],
      alt: 'The training curve: the loss settles at about 1.39 within the first 20 or so steps and then runs flat; the accuracy line stays at 25%, the chance baseline.',
      notes: 'A common objection: “give it more units or more steps”. Neither helps: every sequence looks the same at the step that is scored. A wider feed-forward net would still see one blank.',
    },
    {
      title: 'Let the past in',
      scenario: echo('off'),
      views: ['curve', 'output'],
      controls: ['rec'],
      highlight: 'Whh',
      text: [
        'A recurrent network gives every step one more input: its own hidden state from the step before.',
        '$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$, and the prediction $p(t)$ is read from $h_t$.',
        'So $p(t)$ depends on $x_t$, and through $h_{t-1}$ on $x_{t-1}$, $x_{t-2}$ and every input before.',
      ],
      alt: 'The training curve and the table of answers; once the recurrence is on and training runs, the loss falls towards 0 and the answers turn right.',
      interaction: {
        kind: 'try',
        goal: 'switch the recurrence on, press Play, and reach 95% accuracy.',
        holds: { quantity: 'metric', op: '>=', value: 0.95 },
        solve: { rec: 'on', play: '1' },
        why: 'The last input is still a blank, yet the answers now differ: the symbol reached the last step through h. With recurrence on, the same network is at 100% after 25 steps.',
      },
      notes: 'Same network, same weights, same seed: one switch. At 20 steps per second it gets there in about 2 seconds. Switch it off again and restart to see it fall back to 25%.',
    },
    {
      title: 'One term is the difference',
      scenario: echo('on', true),
      views: ['formulas', 'curve'],
      controls: ['rec'],
      highlight: 'Whh',
      text: [
        'Here is the update with the numbers of one step. The term $W_{hh}\\, h_{t-1}$ is the recurrence.',
        'Switch the recurrence off: that term disappears, and the view says why. Every step starts from $h = 0$.',
        'Everything else stays the same. With the term its loss falls below 0.01 by step 400; without it the network stays at 25%.',
      ],
      alt: 'The equations of the network with the numbers of one step: the hidden update with its three parts, the output, the loss and backpropagation through time; the W_hh term is lit. Beside them the training curve: with the recurrence on, the loss falls towards 0 and the accuracy reaches 100%; with it off, the accuracy stays at 25%.',
      notes: 'The same 420 weights and biases either way: with recurrence off, W_hh is held at 0. Hover W_hh to light it. The backpropagation blocks change too: with recurrence off no error reaches an earlier step (lesson 4 explains why that matters).',
    },
  ],
  quiz: [
    {
      question: 'A feed-forward network classifies photos one at a time. What does its answer for the third photo depend on?',
      choices: [
        { text: 'The third photo only', correct: true, why: 'Each prediction is computed from its own input: p(t) depends on x_t alone.' },
        { text: 'The first three photos', correct: false, why: 'Nothing carries the earlier photos forward; that is what recurrence adds.' },
        { text: 'Its answer for the second photo', correct: false, why: 'A feed-forward network does not read its own earlier answers.' },
      ],
    },
    {
      question: 'With recurrence off, the echo network stays at 25%. Why can more training not fix it?',
      choices: [
        { text: 'At the scored step its input is a blank in every sequence, so it gives all of them the same answer', correct: true, why: 'The same input always gives the same output, and one fixed answer is right for 1 symbol in 4.' },
        { text: 'The learning rate is too small', correct: false, why: 'It stays at exactly 25% for 400 steps: no learning rate can find an answer that is not in the input.' },
        { text: 'It has fewer weights than with recurrence on', correct: false, why: 'It has the same weights; W_hh is only held at 0.' },
      ],
    },
    {
      question: 'In h_t = tanh(W_xh x_t + W_hh h_{t−1} + b_h), which term lets p(t) depend on x_{t−2}?',
      choices: [
        { text: 'W_hh h_{t−1}', correct: true, why: 'h_{t−1} was computed from x_{t−1} and h_{t−2}, which holds x_{t−2}: the past arrives through this term.' },
        { text: 'W_xh x_t', correct: false, why: 'This term reads the current input only.' },
        { text: 'b_h', correct: false, why: 'The bias is the same at every step; it carries nothing from one step to the next.' },
      ],
    },
    {
      question: 'Which of these needs the past, so a network that answers each input on its own is not enough?',
      choices: [
        { text: 'Predicting the next word of a sentence', correct: true, why: 'The right next word depends on the words before it.' },
        { text: 'Saying whether one photo shows a tiger', correct: false, why: 'The photo alone holds the answer: a feed-forward network can do it.' },
        { text: 'Reading the digit in one scanned image', correct: false, why: 'One image, one answer: the examples are independent.' },
      ],
    },
  ],
  claims: [
    // measured (seeds 1–3): with recurrence off accuracy is exactly 0.25 at every step up to 400, training loss 1.384–1.388 at 400
    { says: 'It is right exactly 25% of the time, the chance of guessing one of 4 symbols.', scenario: echo('off'), steps: 100, seeds: SEEDS, holds: { quantity: 'metric', op: '<=', value: 0.25 } },
    { says: 'It is right exactly 25% of the time, the chance of guessing one of 4 symbols.', scenario: echo('off'), steps: 100, seeds: SEEDS, holds: { quantity: 'metric', op: '>=', value: 0.25 } },
    { says: 'Even after 400 steps it stays at exactly 25%.', scenario: echo('off', true, 100), steps: 400, seeds: SEEDS, holds: { quantity: 'metric', op: '<=', value: 0.25 } },
    { says: 'Even after 400 steps it stays at exactly 25%.', scenario: echo('off', true, 100), steps: 400, seeds: SEEDS, holds: { quantity: 'metric', op: '>=', value: 0.25 } },
    { says: 'Its loss stays near $\\ln 4 \\approx 1.39$', scenario: echo('off', true, 100), steps: 400, seeds: SEEDS, holds: { quantity: 'loss', op: '>', value: 1.35 } },
    { says: 'Its loss stays near $\\ln 4 \\approx 1.39$', scenario: echo('off', true, 100), steps: 400, seeds: SEEDS, holds: { quantity: 'loss', op: '<', value: 1.43 } },
    // measured: 100% at step 25 for seeds 1–3 (seed 2 from step 10)
    { says: 'With recurrence on, the same network is at 100% after 25 steps.', scenario: echo('on'), steps: 25, seeds: SEEDS, holds: { quantity: 'metric', op: '>=', value: 1 } },
    // measured: training loss 0.004 / 0.003 / 0.003 at step 400
    { says: 'With the term its loss falls below 0.01 by step 400', scenario: echo('on', true), steps: 400, seeds: SEEDS, holds: { quantity: 'loss', op: '<', value: 0.01 } },
    { says: 'without it the network stays at 25%.', scenario: echo('off', true), steps: 400, seeds: SEEDS, holds: { quantity: 'metric', op: '<=', value: 0.25 } },
  ],
};
