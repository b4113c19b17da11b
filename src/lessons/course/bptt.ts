import type { Lesson } from '../types';
import { lessonMeta } from '../catalog';

/** A small tanh RNN (8 hidden units) on echo with 3 blanks: only the last step is scored. Paused at its initial weights. */
const echo = (rec: 'on' | 'off' = 'on') => `task=echo&lag=3&cell=rnn&act=tanh&hidden=8${rec === 'off' ? '&rec=off' : ''}&speed=20&play=0`;
/** The same network on a sine wave of 10 steps: every step is scored. */
const sine = 'task=sine&T=10&cell=rnn&act=tanh&hidden=8&speed=20&play=0';


export const lesson: Lesson = {
  ...lessonMeta('bptt'),
  steps: [
    {
      title: 'One number for the whole sequence',
      scenario: echo(),
      views: ['formulas', 'unroll'],
      highlight: 'loss',
      text: [
        'Training needs one number that says how wrong the network is: the loss $L$.',
        'Each scored step $t$ has its own loss $\\ell_t$. For a symbol it is $\\ell_t = -\\log p_t[\\text{target}]$: small when the right symbol gets a high probability.',
        '$L$ is the mean over the $N$ scored steps: $L = \\frac{1}{N} \\sum_{t\\ \\text{scored}} \\ell_t$.',
        'On echo only the last step has a target. So $N = 1$ and $L = \\ell_3$.',
      ],
      alt: 'The equations view: the loss at step 3, ℓ₃ = −log p₃[target], and the sequence loss L with N = 1; the unrolled network shows a loss and a target above the last step only.',
      notes: 'The training curve shows L averaged again over a batch of 16 sequences. Steps 0–2 have no target, so they add nothing to L directly; whether they still get an error is step 4’s question.',
    },
    {
      title: 'Every step scored',
      scenario: sine,
      views: ['formulas', 'unroll'],
      highlight: 'loss',
      text: [
        'Other tasks score every step. Here the network reads a wave and predicts its next value at each of 10 steps.',
        'A number is scored by its squared error: $\\ell_t = \\tfrac12 (y_t - \\text{target}_t)^2$. There is no softmax.',
        'Now $N = 10$, and $L$ is the mean of the 10 step losses.',
      ],
      alt: 'The equations view on the sine task: the loss at the last step as half the squared error, and L as the mean of ℓ₀ to ℓ₉; the unrolled network shows a loss above every step.',
      notes: 'The mean, not the sum: this engine divides by N. Some texts sum the step losses; the gradient then differs by the factor N and nothing else.',
    },
    {
      title: 'One step back: the chain rule',
      scenario: echo(),
      views: ['formulas'],
      highlight: 'dh',
      text: [
        'To train, we need how $L$ changes with each weight. Backpropagation gets there through $\\partial L / \\partial h_t$: how $L$ changes with the hidden state at step $t$.',
        '$h_t$ reaches $L$ by two roads: through its own output $y_t$, and through the next state $h_{t+1}$.',
        'The chain rule adds them: $\\frac{\\partial L}{\\partial h_t} = \\tfrac{1}{N} W_{hy}^{\\top} \\frac{\\partial \\ell_t}{\\partial y_t} + (\\frac{\\partial h_{t+1}}{\\partial h_t})^{\\top} \\frac{\\partial L}{\\partial h_{t+1}}$. A step without a target has no first term.',
        'So $\\partial L / \\partial h_t$ needs $\\partial L / \\partial h_{t+1}$ first: the backward pass runs from the last step to the first.',
      ],
      alt: 'The equations view’s backward step: ∂L/∂h_t as the sum of the output’s term and the next step’s term, with the numbers of unit 0 at the last step.',
      notes: 'This is “the error also flows back from later steps to earlier ones” written as one line. At the last step the second term is 0: nothing comes after it. Move the scrubber to see ∂L/∂h_t at each step.',
    },
    {
      title: 'Steps without a target',
      scenario: echo(),
      views: ['unroll'],
      highlight: 'dh',
      text: [
        'On echo only step 3 is scored. Steps 0, 1 and 2 have no loss of their own.',
        'The arrows along the bottom of the unrolled network are the backward pass. The width of each is $\\lVert \\partial L / \\partial h_t \\rVert$: the size of the error at step $t$.',
      ],
      alt: 'The unrolled network with a backward arrow under each step, from step 3 back to the initial state; each arrow’s width and colour give the size of the error at that step.',
      interaction: {
        kind: 'predict',
        question: 'does any error reach h₀, three steps before the only scored step?',
        quantity: 'gradAtStart',
        after: 0,
        choices: [
          { label: 'None: step 0 has no target', range: [0, 1e-9] },
          { label: 'Some: it comes back from step 3', range: [1e-9, Number.POSITIVE_INFINITY] },
        ],
        explain: 'Some does: ‖∂ℓ₃/∂h₀‖ is well above 0. h₀ helped make h₁, h₂ and h₃, so the error of step 3 flows back to it through W_hh, one step at a time.',
      },
      notes: 'Hover an arrow: its tooltip gives ‖∂L/∂h_t‖. The error enters at step 3 (the short arrow down from the output); everything to its left came back through the chain. On echo this matters: the symbol enters at step 0, so step 0 is where the network must learn to store it.',
    },
    {
      title: 'The way back is the loop',
      scenario: echo(),
      views: ['unroll'],
      controls: ['rec'],
      highlight: 'dh',
      text: [
        'Which road does the error take back? The forward arrows, in reverse: $W_{hh}$.',
        'Each step back multiplies the error by $W_{hh}^{\\top}$ and by the slope $g\'$ of the activation at that step.',
      ],
      alt: 'The unrolled network with its backward arrows; with the recurrence off, only the arrow at step 3 is left, and those between the initial state and step 2 become dotted lines: no error reaches steps 0, 1 and 2.',
      interaction: {
        kind: 'try',
        goal: 'find a setting in which no error at all reaches step 0.',
        holds: { quantity: 'gradAtStart', op: '<=', value: 0 },
        why: 'With the loop cut, h₃ does not depend on h₀, so no error reaches step 0. The error can only go back along the road the forward pass came.',
        solve: { rec: 'off' },
      },
      notes: 'The forward pass and the backward pass use the same arrows in opposite directions. With the recurrence off the view still draws the arrow at step 3 (its own error), but nothing passes it: W_hh is held at zero.',
    },
    {
      title: 'Many steps back: a product',
      scenario: echo(),
      views: ['formulas'],
      highlight: 'dh',
      text: [
        'Apply the one-step rule again and again. The error of step $\\tau$ reaches step $k$ multiplied by one Jacobian for each step between them.',
        'The Jacobian $J_j = \\partial h_j / \\partial h_{j-1}$ is the matrix of how each unit of $h_j$ moves with each unit of $h_{j-1}$. Here $J_j = \\operatorname{diag}\\big(g\'(a_j)\\big)\\, W_{hh}$: the slope of the activation $g$ at step $j$, times the shared $W_{hh}$.',
        'In symbols, as in the one-step rule: $\\frac{\\partial \\ell_\\tau}{\\partial h_k} = (J_\\tau J_{\\tau-1} \\cdots J_{k+1})^{\\top} \\frac{\\partial \\ell_\\tau}{\\partial h_\\tau}$. The product $J_\\tau \\cdots J_{k+1}$ is $\\partial h_\\tau / \\partial h_k$, so the matrices go in the order of the steps.',
        'Move the scrubber to $t = 2$, then 1, then 0: one more Jacobian each time. The view shows the factor by which the product changed the size of the error.',
        'The same $W_{hh}$ is in every factor. The lesson on vanishing and exploding gradients shows what that does over many steps.',
      ],
      alt: 'The equations view’s chain-rule and Jacobian blocks: the size of the error at step 3 and at the step chosen with the scrubber, and the factor between them.',
      notes: 'For tanh, g′(a_j) = 1 − h_j²: a unit near ±1 passes almost nothing back. Here τ = 3, the only scored step. Keep the discussion of vanishing short: it is the next lesson’s subject.',
    },
    {
      title: 'One gradient for each shared weight',
      scenario: echo(),
      views: ['curve', 'output'],
      text: [
        'Every copy of $W_{hh}$ is the same matrix, so its gradient is the sum of what each step gives: $\\frac{\\partial L}{\\partial W_{hh}} = \\sum_t \\big(g\'(a_t) \\odot \\frac{\\partial L}{\\partial h_t}\\big)\\, h_{t-1}^{\\top}$. Here $\\odot$ multiplies unit by unit.',
        'The same goes for $W_{xh}$, $b_h$, $W_{hy}$ and $b_y$. One update then changes each weight once, for every step at once.',
        'Here each training step averages the gradient over 16 sequences and updates the weights with Adam.',
        'Adam is gradient descent with a step size for each weight: it divides the weight’s recent average gradient by that gradient’s typical size.',
      ],
      alt: 'The training curve, empty until training starts, and the table of the network’s answers to the first evaluation sequences.',
      interaction: {
        kind: 'predict',
        question: 'after 100 such updates, what will the training loss be?',
        quantity: 'loss',
        after: 100,
        choices: [
          { label: 'About where it started: above 1', range: [1, Number.POSITIVE_INFINITY] },
          { label: 'Lower: between 0.1 and 1', range: [0.1, 1] },
          { label: 'Near 0: below 0.1', range: [0, 0.1] },
        ],
        explain: 'It falls below 0.1, and the network names every symbol right. Nothing more than the chain rule along the unrolled chain, summed over the copies of each weight, did that.',
      },
      notes: 'The loss starts near 1.4 (ln 4: an even guess among 4 symbols). The sum over t is the price of sharing: each copy adds its share, and there are no per-step weights to update.',
    },
  ],
  quiz: [
    {
      question: 'On echo only the last step has a target. What is L?',
      choices: [
        { text: 'The loss of the last step alone (N = 1)', correct: true, why: 'L is the mean over scored steps, and only the last one is scored.' },
        { text: 'The mean of the losses of all 4 steps', correct: false, why: 'Only scored steps count; the three blanks have no target and no loss.' },
        { text: 'The sum of the losses of all 4 steps', correct: false, why: 'Steps without a target have no loss, and L is a mean, not a sum.' },
      ],
    },
    {
      question: 'Why does the backward pass run from the last step to the first?',
      choices: [
        { text: '∂L/∂h_t needs ∂L/∂h_{t+1}, so the later step must be done first', correct: true, why: 'h_t reaches L through h_{t+1}; the chain rule needs that part before it can finish step t.' },
        { text: 'Because the last step has the largest loss', correct: false, why: 'On sine every step is scored, and the order is the same: it follows from the chain rule, not from the sizes.' },
        { text: 'It is only a convention; any order works', correct: false, why: 'Step t cannot be finished before step t+1: its second term needs ∂L/∂h_{t+1}.' },
      ],
    },
    {
      question: 'On echo the symbol enters only at step 0, which has no target. Does W_xh get any gradient from step 0?',
      choices: [
        { text: 'Yes: the error of the last step flows back to h₀, and x₀ entered h₀ through W_xh', correct: true, why: 'The error reaching h₀ was well above 0; from there the chain rule reaches the weights of step 0.' },
        { text: 'No: only scored steps give gradients', correct: false, why: 'Scored steps are where the error enters; BPTT carries it back to the steps before.' },
        { text: 'Only with the recurrence off', correct: false, why: 'With the loop cut, no error reaches step 0 at all.' },
      ],
    },
    {
      question: 'W_hh is used at every step. What is its gradient?',
      choices: [
        { text: 'The sum of what every step contributes', correct: true, why: 'All the copies are one matrix, so their gradients add up into one.' },
        { text: 'What the last step contributes', correct: false, why: 'W_hh acts at every step, so every step adds to its gradient.' },
        { text: 'One gradient per step, each updating its own copy', correct: false, why: 'There is only one W_hh; the copies in the drawing are the same matrix.' },
      ],
    },
    {
      question: 'Going one step back, what multiplies the error?',
      choices: [
        { text: 'W_hhᵀ and the slope g′ of the activation at that step', correct: true, why: 'That is the transposed Jacobian ∂h_j/∂h_{j−1} = diag(g′(a_j)) W_hh.' },
        { text: 'W_hyᵀ', correct: false, why: 'W_hy brings the error from y_t into h_t at a scored step; from step to step the road is W_hh.' },
        { text: 'The learning rate', correct: false, why: 'The learning rate scales the update, after the gradient has been computed.' },
      ],
    },
  ],
  claims: [
    { says: 'Some does: ‖∂ℓ₃/∂h₀‖ is well above 0.', scenario: echo(), steps: 0, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'gradAtStart', op: '>', value: 0.05 } },
    { says: 'With the loop cut, h₃ does not depend on h₀, so no error reaches step 0.', scenario: echo('off'), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'gradAtStart', op: '<=', value: 0 } },
    { says: 'With the loop cut, h₃ does not depend on h₀, so no error reaches step 0.', scenario: echo('off'), steps: 20, seeds: [1, 2, 3], holds: { quantity: 'gradAtStart', op: '<=', value: 0 } },
    { says: 'It falls below 0.1, and the network names every symbol right.', scenario: echo(), steps: 100, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'loss', op: '<', value: 0.1 } },
    { says: 'It falls below 0.1, and the network names every symbol right.', scenario: echo(), steps: 100, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'metric', op: '>=', value: 1 } },
  ],
};
