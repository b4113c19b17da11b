import type { Lesson } from '../types';
import { lessonMeta } from '../catalog';

/**
 * One run throughout: a 16-unit RNN continuing a sine wave over 80 steps (every step scored), Xavier weights with
 * W_hh scaled by `rscale`, batches of 16, paused. `train` is the optimizer and the remedy under test.
 */
const run = (train: string, { act = 'tanh', rscale = 2 } = {}) =>
  `task=sine&T=80&cell=rnn&act=${act}&hidden=16&init=xavier&rscale=${rscale}&batch=16&${train}&speed=100&play=0`;

/** Plain SGD at learning rate 0.3 with no remedy, and each remedy toggled on that same run. */
const PLAIN = 'opt=sgd&lr=0.3&clip=none';
const CLIPPED = 'opt=sgd&lr=0.3&clip=norm&clipAt=1';
const TRUNCATED = 'opt=sgd&lr=0.3&clip=none&trunc=10';
const RMSPROP = 'opt=rmsprop&lr=0.01&clip=none';
const RMSPROP_FAST = 'opt=rmsprop&lr=0.3&clip=none';

const SEEDS = [1, 2, 3];

export const lesson: Lesson = {
  ...lessonMeta('explosion'),
  steps: [
    {
      title: 'A run that blows up',
      scenario: run(PLAIN),
      views: ['curve', 'flow'],
      highlight: 'Whh',
      text: [
        'A tanh RNN with 16 units learns to continue a wave. At each of 80 steps it predicts the next value of a sum of two sine waves.',
        'It trains with plain gradient descent (SGD): each update moves the weights by the learning rate, 0.3, times the gradient. No remedy of any kind.',
        'Its recurrent weights start large: $\\rho(W_{hh})$ is between 2 and 2.5. $\\rho(W_{hh})$, the spectral radius, is how much $W_{hh}$ stretches a vector in the long run.',
        'The yardstick is persistence: “the next value equals this one”. The curve shows its error as a dashed line.',
      ],
      alt: 'The training curve (test error against the dashed persistence line) and the gradient-flow view: the error plot of one sequence and, below it, the gradient norm of every training step.',
      interaction: {
        kind: 'predict',
        question: 'after 100 training steps, where is ρ(W_hh)?',
        quantity: 'rho',
        after: 100,
        choices: [
          { label: 'Still about 2: below 4', range: [0, 4] },
          { label: 'Larger: between 4 and 1,000', range: [4, 1000] },
          { label: 'Thrown far away: above 1,000', range: [1000, Number.POSITIVE_INFINITY] },
        ],
        explain: 'Here, on seed 1, ρ(W_hh) is above a million after 100 steps. How far it is thrown is luck: on seeds 2 to 6 it lands anywhere from 5 to 10¹³. What does not change: after 100 steps ρ(W_hh) has more than doubled on every seed, and the predictions are worse than persistence. An update is the learning rate times the gradient, so a large gradient makes a long step: such steps threw the weights far from where they started.',
      },
      notes: 'Every seed blows up, each to its own size: change the seed and compare. Point at the history strip under the error plot: its line is the gradient norm of each training step, and ▼ marks the steps above 1,000. The run may end in a divergence alert a little later: the numbers overflow.',
    },
    {
      title: 'Remedy 1: clip the gradient',
      scenario: run(PLAIN),
      views: ['curve', 'flow'],
      controls: ['clip', 'clipAt'],
      text: [
        'The first remedy is the one from the error surface: clip the gradient by its norm.',
        'If $\\|g\\|$ is above a threshold $c$, $g$ is scaled down to length $c$. Its direction stays.',
        'So no update is longer than the learning rate times $c$: here $0.3 \\times 1$. Clipping does not make the gradient small; it makes the step short.',
        'In the history strip, the solid line is $\\|g\\|$ before clipping and the dashed line after it.',
      ],
      alt: 'The training curve and the gradient-flow view; with clipping on, the history strip shows the norm before clipping as a solid line, the norm after clipping held at the threshold line, and a tick under each clipped step.',
      interaction: {
        kind: 'try',
        goal: 'turn on clipping by norm (threshold 1), press Play, and get the test error below persistence’s by more than 0.05.',
        holds: { quantity: 'metricGain', op: '>', value: 0.05 },
        solve: { clip: 'norm', play: '1' },
        why: 'With clipping at 1, all six seeds we tried beat persistence by step 300, and ρ(W_hh) stays below 3. The same long steps that threw the weights away are now at most 0.3 long.',
      },
      notes: 'Clipping by value (each component at most c) is the other option in the menu; it caps each entry, so the step can still be long when many entries are large. Count the ticks under the strip: clipping acts on some steps, not all.',
    },
    {
      title: 'Remedy 2: truncated BPTT',
      scenario: run(PLAIN),
      views: ['curve', 'flow'],
      controls: ['trunc'],
      highlight: 'dh',
      text: [
        'The second remedy shortens the product. Truncated BPTT with $k$ steps cuts each sequence into chunks of $k$ steps.',
        'The error of a step travels back only to the start of its chunk. It crosses at most $k$ Jacobians, never a product of 80. The forward pass is unchanged: $h$ still flows from chunk to chunk.',
        'What it saves, honestly: memory. The backward pass needs only the $k$ steps of one chunk (this lab keeps them all, to draw them). It saves no arithmetic: every step is still visited once on the way back, as in full BPTT.',
        'What it costs: the gradient cannot teach the network to keep something for more than $k$ steps. It learns longer links only if the forward pass already carries them.',
      ],
      alt: 'The training curve and the gradient-flow view; with truncation on, the error plot shades the k steps before the last one that train on its error.',
      interaction: {
        kind: 'try',
        goal: 'leave clipping off, set the truncation k to 10, press Play, and get the test error below persistence’s by more than 0.05.',
        holds: { quantity: 'metricGain', op: '>', value: 0.05 },
        solve: { trunc: '10', play: '1' },
        why: 'With k = 10 all three seeds beat persistence by step 200, and ρ(W_hh) stays below 2.5. No error is multiplied by more than 10 Jacobians, so no gradient can grow like a product of 80.',
      },
      notes: 'The error plot itself stays exact (it is the untruncated ∂ℓ/∂h_k); the shading marks what training uses. Predicting a wave only needs the last few values, so k = 10 loses little here. Where the link is longer, truncation shows. On echo with a lag of 20 (the recurrence lesson’s network), full BPTT names the symbol on seeds 1–3 by step 300; with k = 10, seed 1 does too, seed 3 only by step 1,000, and seed 2 is still at chance at step 1,000. No error crosses a chunk boundary: a seed learns the link only where its forward pass already carries the symbol across.',
    },
    {
      title: 'Remedy 3: RMSProp',
      scenario: run(RMSPROP),
      views: ['curve', 'flow'],
      text: [
        'The third remedy changes the optimizer. RMSProp keeps, for every weight, a moving average of its squared gradient: $s \\leftarrow 0.9\\,s + 0.1\\,g^2$.',
        'It updates by $\\eta\\, g / \\sqrt{s}$. A gradient a thousand times larger also makes $\\sqrt{s}$ larger, so the update hardly grows. It is never more than about $3\\eta$ per weight.',
        'So with RMSProp the learning rate $\\eta$ is itself the size of the step. Here it is 0.01, with no clipping and no truncation.',
      ],
      alt: 'The training curve and the gradient-flow view of the same network trained with RMSProp.',
      interaction: {
        kind: 'predict',
        question: 'after 300 steps of RMSProp, how does the test error compare with persistence’s?',
        quantity: 'metricGain',
        after: 300,
        choices: [
          { label: 'Worse than persistence', range: [Number.NEGATIVE_INFINITY, 0] },
          { label: 'Better than persistence', range: [0, Number.POSITIVE_INFINITY] },
        ],
        explain: 'Here, on seed 1, it beats persistence by step 300, with no clipping at all; so do seeds 2 and 3. Nothing explodes on any seed: ρ(W_hh) stays below 3.5. Yet on seed 5 it is still behind persistence at step 300: RMSProp stops the explosion, it does not promise a fast fit. With RMSProp at 0.3 instead, all three seeds end worse than persistence: every weight would move by up to about 1 per step.',
      },
      notes: 'Why at most 3η: after a spike, s is at least 0.1 g², so g/√s is at most 1/√0.1 ≈ 3.2. Adam, the lab’s default, divides by the same kind of average. Seeds 4 to 6 are slower than 1 to 3: try seed 5 to show a run that is stable but not yet good.',
    },
    {
      title: 'Clipping only buys time',
      scenario: run(CLIPPED, { act: 'linear' }),
      views: ['curve', 'flow'],
      highlight: 'h',
      text: [
        'A common belief: clipping fixes exploding gradients. Test it.',
        'Take away the tanh. With a linear activation, $h_t = W_{xh} x_t + W_{hh} h_{t-1} + b_h$, and nothing stops $h$ from growing. With $\\rho(W_{hh}) \\approx 2$ it can double at every step.',
        'Clipping is on, at 1, with the same learning rate, 0.3. It keeps each update short. It does not stop $h$ from growing.',
        'The run recovers only once the updates have shrunk $W_{hh}$: by step 100, $\\rho(W_{hh})$ is below 1 on every seed, and the predictions beat persistence.',
      ],
      alt: 'The training curve starting enormously high, and the gradient-flow view: an error plot that rises by many powers of ten towards step 0, and a history strip where every early step is far above the clipping threshold.',
      interaction: {
        kind: 'predict',
        question: 'after 30 clipped training steps, how large is the error that reaches step 0 on its way back?',
        quantity: 'gradAtStart',
        after: 30,
        choices: [
          { label: 'Small: below 1, clipping tamed it', range: [0, 1] },
          { label: 'Large: between 1 and a million', range: [1, 1e6] },
          { label: 'Still exploding: above a million', range: [1e6, Number.POSITIVE_INFINITY] },
        ],
        explain: 'With clipping on, after 30 steps the error reaching step 0 is still above 10⁸, and the loss above 10⁴. Clipping shortens the update; it does not touch the forward pass, which still multiplies h by W_hh at every step: at step 40, ρ(W_hh) is still above 1 and the predictions are worse than persistence, on all six seeds.',
      },
      notes: 'The misconception: “clipping fixes exploding gradients”. It bounds each update, not the gradient and not the forward pass. Here it keeps the run alive (without it, the first update overflows: next step) while the updates shrink W_hh; ρ(W_hh) first falls below 1 between steps 40 and 80, depending on the seed, and the predictions beat persistence only after that (by step 80 on seeds 1–6). Shorter steps mean a longer wait: at learning rate 0.03, the same clipped run was still far worse than persistence after 300 steps on all six seeds we tried, with ρ(W_hh) between 1.1 and 1.4.',
    },
    {
      title: 'Fix the forward pass',
      scenario: run(PLAIN, { act: 'linear' }),
      views: ['curve', 'flow'],
      controls: ['rscale'],
      text: [
        'Three remedies, three different bounds. Clipping bounds each update. Truncation bounds how many Jacobians an error crosses. RMSProp bounds each weight’s step.',
        'None of them changes the forward pass. When $h$ itself grows, the weights have to change, or the activation.',
        'Here is the linear network again, with no clipping at all. At its starting weights, $h$ grows past $10^{20}$ over the 80 steps.',
      ],
      alt: 'The training curve and the gradient-flow view of the linear network without clipping; at the starting recurrent scale of 2, pressing Play ends the run at once with a divergence alert.',
      interaction: {
        kind: 'try',
        goal: 'with clipping still off, change the recurrent scale and press Play, until the linear network beats persistence by more than 0.05.',
        holds: { quantity: 'metricGain', op: '>', value: 0.05 },
        solve: { rscale: '0.5', play: '1' },
        why: 'With the recurrent scale at 0.5, the same network learns with no remedy at all: all three seeds beat persistence by step 200. When h no longer grows, there is nothing to explode.',
      },
      notes: 'At scale 2 the first update overflows and the lab reports a divergence. A scale of 0.5 works for seeds 1–3; 0.9 is not enough: in our runs seeds 1 and 3 diverged within three updates. The scale sets W_hh at initialization only.',
    },
  ],
  quiz: [
    {
      question: 'SGD with learning rate 0.3 and norm clipping at 1. How long can one update of the weights be, at most?',
      choices: [
        { text: '0.3', correct: true, why: 'The gradient’s length is capped at 1, and the update is 0.3 times it.' },
        { text: '1', correct: false, why: '1 is the cap on the gradient; the update is the learning rate times the capped gradient.' },
        { text: 'As long as the gradient is large', correct: false, why: 'That is SGD without clipping: here a large gradient is scaled down to length 1 first.' },
      ],
    },
    {
      question: 'Truncated BPTT with k = 10 on sequences of 80 steps: what does it change?',
      choices: [
        { text: 'No error crosses more than 10 steps back, and the backward pass needs (in principle) only 10 steps of memory', correct: true, why: 'The product has at most 10 Jacobians, so it cannot explode like a product of 80.' },
        { text: 'Training needs an eighth of the arithmetic', correct: false, why: 'Every step is still visited once on the way back; only the length of each path shrinks.' },
        { text: 'The forward pass restarts every 10 steps', correct: false, why: 'h flows on from chunk to chunk; only the error is stopped at the chunk boundary.' },
      ],
    },
    {
      question: 'Why does RMSProp use learning rate 0.01 where SGD used 0.3?',
      choices: [
        { text: 'RMSProp divides by the size of recent gradients, so its learning rate is roughly the step per weight itself', correct: true, why: 'At 0.3 every weight would move up to about 1 per step, and this run failed in all three seeds.' },
        { text: 'RMSProp computes a larger gradient', correct: false, why: 'The gradient is the same; RMSProp only changes how it is turned into a step.' },
        { text: 'It does not matter; any learning rate works', correct: false, why: 'RMSProp at 0.3 ended worse than persistence in every seed.' },
      ],
    },
    {
      question: 'In a network, h doubles at every step of the forward pass. You turn on gradient clipping. What happens?',
      choices: [
        { text: 'The loss stays huge until the short, clipped updates have shrunk W_hh', correct: true, why: 'Clipping bounds the update, not the forward pass: the gradient before clipping stays enormous meanwhile.' },
        { text: 'The explosion stops at once', correct: false, why: 'After 30 clipped updates the error reaching step 0 was still above 10⁸.' },
        { text: 'The gradient becomes small', correct: false, why: 'Only the update is scaled down. The gradient is computed from the same exploding forward pass.' },
      ],
    },
  ],
  claims: [
    { says: 'Its recurrent weights start large: $\\rho(W_{hh})$ is between 2 and 2.5.', scenario: run(PLAIN), steps: 0, seeds: SEEDS, holds: { quantity: 'rho', op: '>', value: 2 } },
    { says: 'Its recurrent weights start large: $\\rho(W_{hh})$ is between 2 and 2.5.', scenario: run(PLAIN), steps: 0, seeds: SEEDS, holds: { quantity: 'rho', op: '<', value: 2.5 } },
    { says: 'Here, on seed 1, ρ(W_hh) is above a million after 100 steps.', scenario: run(PLAIN), steps: 100, seeds: [1], holds: { quantity: 'rho', op: '>', value: 1e6 } },
    // measured: 3.1e12, 646, 8.2e5, 5.72, 2.8e5, 4.3e13 on seeds 1–6
    { says: 'on seeds 2 to 6 it lands anywhere from 5 to 10¹³.', scenario: run(PLAIN), steps: 100, seeds: [2, 3, 4, 5, 6], holds: { quantity: 'rho', op: '>', value: 5 } },
    { says: 'on seeds 2 to 6 it lands anywhere from 5 to 10¹³.', scenario: run(PLAIN), steps: 100, seeds: [2, 3, 4, 5, 6], holds: { quantity: 'rho', op: '<', value: 1e14 } },
    { says: 'after 100 steps ρ(W_hh) has more than doubled on every seed, and the predictions are worse than persistence.', scenario: run(PLAIN), steps: 100, seeds: [1, 2, 3, 4, 5, 6], holds: { quantity: 'rho', op: '>', value: 5 } },
    { says: 'after 100 steps ρ(W_hh) has more than doubled on every seed, and the predictions are worse than persistence.', scenario: run(PLAIN), steps: 100, seeds: [1, 2, 3, 4, 5, 6], holds: { quantity: 'metricGain', op: '<', value: 0 } },
    // measured at step 300: metricGain 0.098, 0.115, 0.114, 0.109, 0.122, 0.091; ρ 2.26, 2.03, 2.19, 2.02, 2.40, 2.29
    { says: 'With clipping at 1, all six seeds we tried beat persistence by step 300, and ρ(W_hh) stays below 3.', scenario: run(CLIPPED), steps: 300, seeds: [1, 2, 3, 4, 5, 6], holds: { quantity: 'metricGain', op: '>', value: 0.05 } },
    { says: 'With clipping at 1, all six seeds we tried beat persistence by step 300, and ρ(W_hh) stays below 3.', scenario: run(CLIPPED), steps: 300, seeds: [1, 2, 3, 4, 5, 6], holds: { quantity: 'rho', op: '<', value: 3 } },
    { says: 'With k = 10 all three seeds beat persistence by step 200, and ρ(W_hh) stays below 2.5.', scenario: run(TRUNCATED), steps: 200, seeds: SEEDS, holds: { quantity: 'metricGain', op: '>', value: 0.05 } },
    { says: 'With k = 10 all three seeds beat persistence by step 200, and ρ(W_hh) stays below 2.5.', scenario: run(TRUNCATED), steps: 200, seeds: SEEDS, holds: { quantity: 'rho', op: '<', value: 2.5 } },
    // measured at step 300: metricGain 0.118, 0.112, 0.114 on seeds 1–3, 0.006, −0.022, 0.067 on 4–6; ρ at most 2.98
    { says: 'Here, on seed 1, it beats persistence by step 300, with no clipping at all; so do seeds 2 and 3.', scenario: run(RMSPROP), steps: 300, seeds: SEEDS, holds: { quantity: 'metricGain', op: '>', value: 0.05 } },
    { says: 'Nothing explodes on any seed: ρ(W_hh) stays below 3.5.', scenario: run(RMSPROP), steps: 300, seeds: [1, 2, 3, 4, 5, 6], holds: { quantity: 'rho', op: '<', value: 3.5 } },
    { says: 'Yet on seed 5 it is still behind persistence at step 300', scenario: run(RMSPROP), steps: 300, seeds: [5], holds: { quantity: 'metricGain', op: '<', value: 0 } },
    { says: 'With RMSProp at 0.3 instead, all three seeds end worse than persistence', scenario: run(RMSPROP_FAST), steps: 200, seeds: SEEDS, holds: { quantity: 'metricGain', op: '<', value: 0 } },
    // measured at step 30: gradAtStart 3.2e14, 2.0e11, 7.2e20, 4.0e8, 5.6e8, 1.3e12; loss 9.8e6, 1.8e10, 1.3e22, 3.6e4, 5.8e7, 4.0e7
    { says: 'With clipping on, after 30 steps the error reaching step 0 is still above 10⁸, and the loss above 10⁴.', scenario: run(CLIPPED, { act: 'linear' }), steps: 30, seeds: [1, 2, 3, 4, 5, 6], holds: { quantity: 'gradAtStart', op: '>', value: 1e8 } },
    { says: 'With clipping on, after 30 steps the error reaching step 0 is still above 10⁸, and the loss above 10⁴.', scenario: run(CLIPPED, { act: 'linear' }), steps: 30, seeds: [1, 2, 3, 4, 5, 6], holds: { quantity: 'loss', op: '>', value: 1e4 } },
    // measured at step 30: hMax 2.1e7, 1.9e6, 4.6e11, 9.1e3, 3.0e4, 1.3e6 on seeds 1–6 (the inputs are about 1)
    { says: 'It does not stop $h$ from growing.', scenario: run(CLIPPED, { act: 'linear' }), steps: 30, seeds: [1, 2, 3, 4, 5, 6], holds: { quantity: 'hMax', op: '>', value: 1e3 } },
    // measured at step 40: ρ 1.083, 1.278, 1.216, 1.126, 1.225, 1.040; metricGain −12, −8.5e12, −3.7e11, −8.6e4, −2.1e9, −2.3 on seeds 1–6
    { says: 'at step 40, ρ(W_hh) is still above 1 and the predictions are worse than persistence, on all six seeds.', scenario: run(CLIPPED, { act: 'linear' }), steps: 40, seeds: [1, 2, 3, 4, 5, 6], holds: { quantity: 'rho', op: '>', value: 1 } },
    { says: 'at step 40, ρ(W_hh) is still above 1 and the predictions are worse than persistence, on all six seeds.', scenario: run(CLIPPED, { act: 'linear' }), steps: 40, seeds: [1, 2, 3, 4, 5, 6], holds: { quantity: 'metricGain', op: '<', value: 0 } },
    // measured at step 100: ρ 0.896, 0.935, 0.987, 0.907, 0.952, 0.933; metricGain 0.117, 0.125, 0.123, 0.122, 0.124, 0.122 on seeds 1–6
    { says: 'by step 100, $\\rho(W_{hh})$ is below 1 on every seed, and the predictions beat persistence.', scenario: run(CLIPPED, { act: 'linear' }), steps: 100, seeds: [1, 2, 3, 4, 5, 6], holds: { quantity: 'rho', op: '<', value: 1 } },
    { says: 'by step 100, $\\rho(W_{hh})$ is below 1 on every seed, and the predictions beat persistence.', scenario: run(CLIPPED, { act: 'linear' }), steps: 100, seeds: [1, 2, 3, 4, 5, 6], holds: { quantity: 'metricGain', op: '>', value: 0.1 } },
    { says: 'At its starting weights, $h$ grows past $10^{20}$ over the 80 steps.', scenario: run(PLAIN, { act: 'linear' }), steps: 0, seeds: SEEDS, holds: { quantity: 'hMax', op: '>', value: 1e20 } },
    { says: 'With the recurrent scale at 0.5, the same network learns with no remedy at all: all three seeds beat persistence by step 200.', scenario: run(PLAIN, { act: 'linear', rscale: 0.5 }), steps: 200, seeds: SEEDS, holds: { quantity: 'metricGain', op: '>', value: 0.05 } },
  ],
};
