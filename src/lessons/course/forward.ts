import type { Lesson } from '../types';
import { lessonMeta } from '../catalog';

/** A small RNN (8 hidden units) on echo with 3 blanks, paused at its initial weights; `rscale` multiplies W_hh. */
const echo = (act: 'tanh' | 'linear' | 'relu' = 'tanh', rscale = 1) => `task=echo&lag=3&cell=rnn&act=${act}&hidden=8${rscale === 1 ? '' : `&rscale=${rscale}`}&speed=20&play=0`;


export const lesson: Lesson = {
  ...lessonMeta('forward'),
  steps: [
    {
      title: 'A layer, plus one term',
      scenario: echo(),
      views: ['formulas'],
      highlight: 'Whh',
      text: [
        'A feed-forward layer computes $h = g(W x + b)$: weigh the inputs, add a bias, apply the activation $g$.',
        'A recurrent layer adds one term, the hidden state of the step before: $h_t = g(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$.',
        'The view shows this equation. Under it is the same equation with this network’s numbers, for one hidden unit $j$ at one step $t$.',
      ],
      alt: 'The equations view: the hidden update h_t = tanh(W_xh x_t + W_hh h_{t−1} + b_h) with W_hh outlined, and under it the same line with the numbers of unit 0 at the last step, t = 3.',
      notes: 'Start from what they know, the feed-forward layer; the only new term is W_hh h_{t−1}. Pick another unit j in the view’s menu: every unit does the same computation with its own row of the weights.',
    },
    {
      title: 'What each symbol is',
      scenario: echo(),
      views: ['formulas', 'unroll'],
      text: [
        '$x_t$ is the input at step $t$: 5 numbers, one-hot. A 1 marks the symbol (A, B, C, D or the blank ·), the rest are 0.',
        '$h_{t-1}$ holds the 8 hidden values of the step before; $h_t$ the 8 new ones.',
        '$W_{xh}$ (8×5) weighs the input. $W_{hh}$ (8×8) weighs the previous state. $b_h$ (8 numbers) is the bias.',
        '$g$ is the activation, here $\\tanh$. Hover a symbol in the equation: the same thing lights up in the unrolled network.',
      ],
      alt: 'The equations view above the unrolled network; hovering a symbol such as W_hh outlines it in the equation and lights its arrows in the network.',
      notes: 'Row j of W_hh says how much unit j listens to each unit of the previous state. The view shows the three parts of the sum, (W_xh x_t)[j], (W_hh h_{t−1})[j] and b_h[j], not the weights themselves.',
    },
    {
      title: 'The first step',
      scenario: echo(),
      views: ['formulas'],
      highlight: 'hprev',
      text: [
        'Step 0 is the first step. There is no step before it, yet the formula asks for $h_{-1}$.',
        'Answer first. Then move the scrubber to $t = 0$ and read the middle part of the sum.',
      ],
      alt: 'The equations view, with h_{t−1} outlined; moved to t = 0, the middle part (W_hh h_{−1})[j] reads 0 and the line under it says h_{−1}[j] = 0.',
      interaction: {
        kind: 'predict',
        question: 'at t = 0, how large is the recurrent part (W_hh h₋₁)[j] of the sum?',
        quantity: 'recurrentAtStart',
        after: 0,
        choices: [
          { label: 'Exactly 0', range: [0, 1e-12] },
          { label: 'Small, but not 0', range: [1e-12, 0.1] },
          { label: 'As large as the other parts', range: [0.1, Number.POSITIVE_INFINITY] },
        ],
        explain: 'It is exactly 0 for every unit: the network starts from h₋₁ = 0, so W_hh h₋₁ = 0. The first step sees its input alone, h₀ = tanh(W_xh x₀ + b_h); from step 1 on, the loop adds its part.',
      },
      notes: 'Some libraries let you pass a starting state; this lab always starts from zero. Scrub to t = 1 afterwards: the middle part is no longer 0.',
    },
    {
      title: 'How big can h get?',
      scenario: echo('tanh', 2),
      views: ['unroll', 'formulas'],
      highlight: 'h',
      text: [
        'The sum inside $g$ is the pre-activation $a_t$. It can be any number.',
        'Here $W_{hh}$ is twice as large as before, so the sums can be larger.',
        'The equations show one unit at one step. The strips of the unrolled network show every unit at every step: hover a cell to read its value.',
      ],
      alt: 'The unrolled network with W_hh twice as large, many hidden cells deep orange or deep purple, and below it the equations with the pre-activation a_t[j] and h_t[j] = tanh(a_t[j]).',
      interaction: {
        kind: 'predict',
        question: 'with this larger W_hh, how large does the largest |h_t[j]| get over the 4 steps?',
        quantity: 'hMax',
        after: 0,
        choices: [
          { label: 'Below 1', range: [0, 1] },
          { label: '1 or more', range: [1, Number.POSITIVE_INFINITY] },
        ],
        explain: 'It stays below 1. tanh squashes any number into the range from −1 to 1: a larger sum only pushes h closer to ±1.',
      },
      notes: 'The misconception to break: big weights, big h. The pre-activation grows; h cannot pass ±1. Hover the numbers to see them to every digit.',
    },
    {
      title: 'Not every activation squashes',
      scenario: echo('tanh', 2),
      views: ['formulas', 'unroll'],
      controls: ['act', 'rscale'],
      text: [
        'Other activations behave differently. ReLU keeps a positive sum as it is and turns a negative one into 0. Linear keeps every sum as it is.',
        'The colour legend of the unrolled network shows how far the hidden values reach.',
      ],
      alt: 'The equations and the unrolled network with a colour legend for the hidden values; with ReLU or linear chosen, the legend and the numbers reach past 1.',
      interaction: {
        kind: 'try',
        goal: 'choose an activation that lets some hidden value go past 1.',
        holds: { quantity: 'hMax', op: '>', value: 1 },
        why: 'Linear has no ceiling: with this W_hh the hidden values go well past 1. ReLU has none either. With these starting weights it passes 1 too; from some other random starts it stays below 1 at this scale. Only tanh and sigmoid keep h in a fixed range.',
        solve: { act: 'linear' },
      },
      notes: 'With the lesson’s seed (1) both ReLU (about 6.8) and linear (about 11) pass 1 at this scale. With seeds 2 and 4 ReLU stays at about 0.67 at scale 2: raise the recurrent scale then.',
    },
    {
      title: 'The output',
      scenario: echo(),
      views: ['formulas', 'output'],
      highlight: 'y',
      text: [
        'The output is a plain weighted sum of the hidden layer: $y_t = W_{hy} h_t + b_y$. There is no $g$ here.',
        'For echo, $y_t$ has 4 numbers, one per symbol. Softmax turns them into 4 probabilities that add up to 1: $p_t = \\operatorname{softmax}(y_t)$.',
        'For a task that predicts a number, such as the next value of a sine wave, there is no softmax: $y_t$ itself is the prediction.',
        'Some texts write $y_t = g(W_{hy} h_t + b_y)$. This engine applies no activation to the output.',
      ],
      alt: 'The output and softmax equation with the numbers of the last step, and the table of the network’s answers to the first evaluation sequences.',
      interaction: {
        kind: 'predict',
        question: 'train for 100 steps. Will every |y_t[k]| stay below 1, as h does with tanh?',
        quantity: 'yMax',
        after: 100,
        choices: [
          { label: 'Yes, all below 1', range: [0, 1] },
          { label: 'No, some reach 1 or more', range: [1, Number.POSITIVE_INFINITY] },
        ],
        explain: 'After 100 steps the largest |y| is 3 to 5 here, well past 1. To give one symbol a probability near 1, softmax needs its y far above the others, and nothing squashes y.',
      },
      notes: 'State plainly that this engine’s head is linear (softmax after it for classes), whatever the notes in front of the students say. The y_t are often called logits.',
    },
    {
      title: 'Step after step',
      scenario: echo(),
      views: ['unroll', 'formulas'],
      text: [
        'The forward pass applies the formula once per step, from $t = 0$ to the last step, with the same weights each time.',
        'Press ▶ Forward pass in the unrolled network. The equations follow the step being computed.',
        'At the last step the network gives its answer, and the loss $\\ell_t$ compares it with the target. How that error travels back is the next lesson.',
      ],
      alt: 'The unrolled network playing its forward pass one step at a time, and below it the equations with the numbers of the step being computed.',
      notes: 'A good moment to recap the whole pass aloud: x_t in, h_t from x_t and h_{t−1}, y_t from h_t, p_t from y_t, ℓ_t from p_t and the target.',
    },
  ],
  quiz: [
    {
      question: 'What does h_t = g(W_xh x_t + W_hh h_{t−1} + b_h) have that a feed-forward layer does not?',
      choices: [
        { text: 'The term W_hh h_{t−1}: the hidden state of the step before', correct: true, why: 'Without it this is h = g(W x + b), a feed-forward layer applied at each step on its own.' },
        { text: 'The activation g', correct: false, why: 'Feed-forward layers apply an activation too.' },
        { text: 'The bias b_h', correct: false, why: 'Feed-forward layers have a bias too.' },
      ],
    },
    {
      question: 'At t = 0 there is no step before. What does this network use for h₋₁?',
      choices: [
        { text: 'Zeros', correct: true, why: 'h₋₁ = 0, so the recurrent part W_hh h₋₁ is exactly 0 and the first step sees only its input.' },
        { text: 'The input x₀', correct: false, why: 'x₀ enters through W_xh; h₋₁ is the state before it.' },
        { text: 'Random numbers', correct: false, why: 'The weights start random; the state starts at zero.' },
      ],
    },
    {
      question: 'In this engine, what is the output y_t on the echo task?',
      choices: [
        { text: 'W_hy h_t + b_y; softmax then turns it into probabilities', correct: true, why: 'The head is a weighted sum with no activation; softmax comes after it for classes.' },
        { text: 'tanh(W_hy h_t + b_y)', correct: false, why: 'This engine applies no activation to the output: after training |y| went well past 1.' },
        { text: 'h_t itself', correct: false, why: 'h_t has 8 numbers; y_t has one per symbol, made from h_t by W_hy.' },
      ],
    },
    {
      question: 'A tanh RNN has very large weights. Can a hidden value reach 3?',
      choices: [
        { text: 'No: tanh keeps every hidden value between −1 and 1', correct: true, why: 'Large weights make the pre-activation large; tanh of it stays within ±1.' },
        { text: 'Yes, if W_hh is large enough', correct: false, why: 'Large weights push h towards ±1, never past it.' },
        { text: 'Yes, at later steps', correct: false, why: 'Every step applies the same tanh, so every h_t stays within ±1.' },
      ],
    },
  ],
  claims: [
    { says: 'It is exactly 0 for every unit', scenario: echo(), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'recurrentAtStart', op: '<=', value: 0 } },
    { says: 'It stays below 1.', scenario: echo('tanh', 2), steps: 0, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'hMax', op: '<', value: 1 } },
    // measured at scale 2, seeds 1–8: linear 11.4 / 5.0 / 14.5 / 4.6 / 4.0 / 6.8 / 3.5 / 1.9; ReLU 6.8 / 0.67 / 4.3 / 0.67 / 1.3 / 6.0 / 1.6 / 5.9
    { says: 'Linear has no ceiling: with this W_hh the hidden values go well past 1.', scenario: echo('linear', 2), steps: 0, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'hMax', op: '>', value: 3 } },
    { says: 'With these starting weights it passes 1 too', scenario: echo('relu', 2), steps: 0, seeds: [1], holds: { quantity: 'hMax', op: '>', value: 1 } },
    { says: 'from some other random starts it stays below 1 at this scale', scenario: echo('relu', 2), steps: 0, seeds: [2, 4], holds: { quantity: 'hMax', op: '<', value: 1 } },
    { says: 'After 100 steps the largest |y| is 3 to 5 here, well past 1.', scenario: echo(), steps: 100, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'yMax', op: '>', value: 2.9 } },
    { says: 'After 100 steps the largest |y| is 3 to 5 here, well past 1.', scenario: echo(), steps: 100, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'yMax', op: '<', value: 5 } },
    { says: 'This engine applies no activation to the output', scenario: echo(), steps: 100, seeds: [1, 2, 3], holds: { quantity: 'yMax', op: '>', value: 1 } },
    { says: 'tanh of it stays within ±1', scenario: echo('tanh', 3), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'hMax', op: '<=', value: 1 } },
  ],
};
