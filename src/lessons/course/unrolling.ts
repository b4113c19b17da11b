import type { Lesson } from '../types';
import { lessonMeta } from '../catalog';

/**
 * A small tanh RNN (8 hidden units) on echo: a symbol, `lag` blanks, then name the symbol. Paused unless `play`;
 * `rec` off cuts the loop (every step reads h_{t−1} = 0).
 */
const echo = (lag: number, rec: 'on' | 'off' = 'on') => `task=echo&lag=${lag}&cell=rnn&act=tanh&hidden=8${rec === 'off' ? '&rec=off' : ''}&speed=20&play=0`;


export const lesson: Lesson = {
  ...lessonMeta('unrolling'),
  steps: [
    {
      title: 'A whole layer in one box',
      scenario: echo(3),
      views: ['unroll'],
      highlight: 'h',
      text: [
        'A feed-forward network is often drawn neuron by neuron: a circle for each unit, an arrow for each weight.',
        'A recurrent network is drawn squeezed: one box per layer. The box $x$ is the whole input, $h$ the whole hidden layer, $y$ the whole output.',
        'Here $h$ has 8 units. Its box is a strip of 8 cells, one per unit, coloured by its value: orange above 0, purple below.',
        'The task: the network sees a symbol (A, B, C or D), then 3 blanks (·). At the last step it must name the symbol.',
      ],
      alt: 'The network drawn along time: for each of the 4 steps an input box (a symbol or a blank), a hidden strip of 8 coloured cells, and an output box above it; the hidden strips are outlined.',
      notes: 'Ask the room how many neurons the h box holds. Hover a strip: the tooltip names the step, the unit and its value. Tick off "show backward pass" if the arrows along the bottom distract; they belong to lesson 4.',
    },
    {
      title: 'The loop',
      scenario: echo(3),
      views: ['unroll'],
      highlight: 'Whh',
      text: [
        'Press Fold. Now there is one cell: $x$ goes in, $y$ comes out, and an arrow loops from $h$ back into $h$.',
        'That loop is the recurrent weight matrix $W_{hh}$. At each step the hidden layer reads two things: the new input $x_t$, and its own value from the step before, $h_{t-1}$.',
        'The loop is the only thing a feed-forward layer does not have. It is the network’s memory.',
      ],
      alt: 'The folded network: one input box, one hidden strip and one output box, with a lit arrow looping from the hidden strip back into itself, labelled W_hh.',
      notes: 'The loop carries the hidden state, not the output: this is an Elman network. Some students expect y to be fed back; ask what the arrow starts from.',
    },
    {
      title: 'Unrolled: one copy per step',
      scenario: echo(3),
      views: ['unroll'],
      highlight: 'Whh',
      text: [
        'Press Unroll. The loop is laid out in time: one copy of the cell for each of the 4 steps, from left to right.',
        'Each turn of the loop becomes an arrow from $h_{t-1}$ to $h_t$. The first copy gets $h_{-1} = 0$: the box marked 0 on the left.',
        'Press ▶ Forward pass to watch the steps fill in. Step $t$ cannot start before step $t-1$ is done: it needs $h_{t-1}$.',
        'Folded or unrolled, it is the same network. Unrolled, it is a feed-forward network 4 layers deep.',
      ],
      alt: 'The unrolled chain: four copies of the cell side by side, steps 0 to 3, each hidden strip joined to the next by a lit arrow; a box marked 0 (the initial state) on the left.',
      notes: 'Fold and unroll a few times: the animation is the point. Unrolled, the RNN is an ordinary feed-forward net, which is why ordinary backpropagation trains it (lesson 4).',
    },
    {
      title: 'A longer chain',
      scenario: echo(20),
      views: ['unroll'],
      highlight: 'Whh',
      text: [
        'Now the blanks are 20, so the chain has 21 copies of the cell.',
        'One cell has $W_{xh}$ (8×5), $W_{hh}$ (8×8), $b_h$ (8), $W_{hy}$ (4×8) and $b_y$ (4).',
        'The lit arrows are the $W_{hh}$ arrows. Hover $W_{xh}$ in the key: its arrows light up.',
      ],
      alt: 'The unrolled chain over 21 steps: a window of steps is drawn and the others are counted at the edges; every W_hh arrow is lit.',
      interaction: {
        kind: 'predict',
        question: 'the chain now has 21 copies of the cell. How many weights and biases does the network have?',
        quantity: 'weights',
        after: 0,
        choices: [
          { label: '148: the copies share one set', range: [0, 500] },
          { label: 'About 1,400: a W_hh for each step', range: [500, 2000] },
          { label: 'About 3,100: a full set for each copy', range: [2000, Number.POSITIVE_INFINITY] },
        ],
        explain: 'It has 148, the same as with 4 steps: one set of numbers, used at all 21 steps. Every copy uses the same W_xh, W_hh and W_hy, as the key says (shared). Unrolling copies the computation, not the weights; that is why one network can read a sequence of any length.',
      },
      notes: 'Many pick 3,100. After the reveal: a feed-forward net 21 layers deep would really have 21 separate matrices. Sharing is also why the gradient of W_hh is a sum over the steps (lesson 4).',
    },
    {
      title: 'Cut the loop',
      scenario: echo(3, 'off'),
      views: ['curve', 'output'],
      text: [
        'What is the loop worth? Here it is cut: every step starts from $h_{t-1} = 0$, so $W_{hh}$ has nothing to carry.',
        'What is left is a feed-forward network, applied to each step on its own.',
        'The answer is due at the last step, and the last step sees only a blank.',
      ],
      alt: 'The training curve, empty until training starts, and the table of answers: the same answer for every sequence.',
      interaction: {
        kind: 'predict',
        question: 'without the loop, how often will the network name the symbol right after 100 training steps?',
        quantity: 'metric',
        after: 100,
        choices: [
          { label: 'Almost always: 90% or more', range: [0.9, Number.POSITIVE_INFINITY] },
          { label: 'Sometimes: 40% to 90%', range: [0.4, 0.9] },
          { label: 'No better than a guess: under 40%', range: [0, 0.4] },
        ],
        explain: 'It stays at 25%, the chance of guessing one of 4 symbols. The last step sees the same blank in every sequence, so without the loop it gives every sequence the same answer.',
      },
      notes: 'This is the recurrence switch (rec=off): the recurrent weights are held at zero and nothing passes from step to step. Some will argue it can "learn the pattern anyway": let the curve settle it.',
    },
    {
      title: 'Put the loop back',
      scenario: echo(3, 'off'),
      views: ['curve', 'output'],
      controls: ['rec'],
      text: [
        'Switch the recurrence back on, and press Play.',
        'Through $W_{hh}$, the symbol seen at step 0 can travel along the chain to step 3.',
        'With the loop on, the same network names every symbol right within 100 training steps.',
      ],
      alt: 'The training curve and the table of answers; once the recurrence is on and training runs, the loss falls and the answers turn right.',
      interaction: {
        kind: 'try',
        goal: 'switch the loop on and train until the network names every symbol right (100%).',
        holds: { quantity: 'metric', op: '>=', value: 1 },
        why: 'The last input is a blank in every sequence, yet the answers now differ: they can only come through the loop, which carried the symbol from step 0 to step 3.',
        solve: { rec: 'on', play: '1' },
      },
      notes: 'About 50 steps are enough, under 3 seconds at 20 steps per second. The same 148 weights, one switch: the loop is the whole difference.',
    },
  ],
  quiz: [
    {
      question: 'In the squeezed drawing of an RNN, what does the box h stand for?',
      choices: [
        { text: 'The whole hidden layer, all its units', correct: true, why: 'Squeezed drawings put a whole layer in one box; here h holds 8 units, drawn as a strip of 8 cells.' },
        { text: 'One hidden neuron', correct: false, why: 'That is the neuron-by-neuron drawing of a feed-forward net; the squeezed one draws layers.' },
        { text: 'The output of the network', correct: false, why: 'That is y. The hidden layer h sits between the input x and the output y.' },
      ],
    },
    {
      question: 'An RNN is unrolled over 50 steps. How many W_hh matrices does it have?',
      choices: [
        { text: 'One, used at all 50 steps', correct: true, why: 'The copies in the drawing share one matrix: training changes it once, for every step at once.' },
        { text: '50, one per step', correct: false, why: 'That would be a feed-forward network 50 layers deep, each layer with weights of its own.' },
        { text: 'It depends on how long the sequence is', correct: false, why: 'The number of weights is fixed by the layer sizes; a longer sequence only means more copies of the computation.' },
      ],
    },
    {
      question: 'What does the loop carry from one step to the next?',
      choices: [
        { text: 'The hidden state h_{t−1}', correct: true, why: 'h_t = g(W_xh x_t + W_hh h_{t−1} + b_h): the previous hidden state enters the next step through W_hh.' },
        { text: 'The previous output y_{t−1}', correct: false, why: 'In this network the output is not fed back; the hidden layer is.' },
        { text: 'The previous input x_{t−1}', correct: false, why: 'The input of step t−1 reaches step t only through h_{t−1}, mixed into it.' },
      ],
    },
    {
      question: 'Why can an unrolled RNN be trained much like a feed-forward network?',
      choices: [
        { text: 'Unrolled, it is a feed-forward network: a chain of layers, one per step', correct: true, why: 'Backpropagation runs through the chain as through any deep network; that is backpropagation through time.' },
        { text: 'Because the recurrence is switched off during training', correct: false, why: 'Without the loop the network could not learn echo at all: it stayed at 25%.' },
        { text: 'It cannot: an RNN needs a training method of its own', correct: false, why: 'The only twist is that a shared weight collects the gradient of all its copies.' },
      ],
    },
  ],
  claims: [
    { says: 'the same as with 4 steps', scenario: echo(3), steps: 0, seeds: [1, 2], holds: { quantity: 'weights', op: '<=', value: 148 } },
    { says: 'the same as with 4 steps', scenario: echo(3), steps: 0, seeds: [1, 2], holds: { quantity: 'weights', op: '>=', value: 148 } },
    { says: 'It has 148, the same as with 4 steps: one set of numbers, used at all 21 steps.', scenario: echo(20), steps: 0, seeds: [1, 2], holds: { quantity: 'weights', op: '<=', value: 148 } },
    { says: 'It has 148, the same as with 4 steps: one set of numbers, used at all 21 steps.', scenario: echo(20), steps: 0, seeds: [1, 2], holds: { quantity: 'weights', op: '>=', value: 148 } },
    { says: 'It stays at 25%, the chance of guessing one of 4 symbols.', scenario: echo(3, 'off'), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'metric', op: '<=', value: 0.25 } },
    { says: 'It stays at 25%, the chance of guessing one of 4 symbols.', scenario: echo(3, 'off'), steps: 100, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'metric', op: '<=', value: 0.25 } },
    { says: 'It stays at 25%, the chance of guessing one of 4 symbols.', scenario: echo(3, 'off'), steps: 100, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'metric', op: '>=', value: 0.25 } },
    { says: 'With the loop on, the same network names every symbol right within 100 training steps.', scenario: echo(3), steps: 100, seeds: [1, 2, 3, 4, 5], holds: { quantity: 'metric', op: '>=', value: 1 } },
  ],
};
