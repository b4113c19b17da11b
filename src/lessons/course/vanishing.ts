import type { Lesson } from '../types';
import { lessonMeta } from '../catalog';

/** A linear or tanh RNN on the adding task (T = 20), paused at its initial weights: the error's path back is the lesson. */
const at = (act: 'linear' | 'tanh', init: 'identity' | 'orthogonal', rscale: number) => `task=adding&T=20&cell=rnn&act=${act}&init=${init}&rscale=${rscale}&speed=20&play=0`;


export const lesson: Lesson = {
  ...lessonMeta('vanishing'),
  steps: [
    {
      title: 'The same number, again and again',
      scenario: at('linear', 'identity', 0.5),
      views: ['flow'],
      highlight: 'dh',
      text: [
        'To reach an early step, the error of the last step travels back through every step in between.',
        'At each step back it is multiplied by the same recurrent weights. Here the network is as simple as it gets: no activation, and $W_{hh} = 0.5\\,I$.',
        'So each step back multiplies the error by 0.5.',
      ],
      alt: 'A log-scale plot of the size of the error at each step k, falling in a straight line from the last step back to step 0.',
      interaction: {
        kind: 'predict',
        question: 'after 19 steps back, how much of the last step’s error reaches step 0?',
        quantity: 'gradRatio',
        after: 0,
        choices: [
          { label: 'Most of it (more than 30%)', range: [0.3, Number.POSITIVE_INFINITY] },
          { label: 'Around a tenth (0.1% to 30%)', range: [0.001, 0.3] },
          { label: 'Almost none (less than 0.1%)', range: [0, 0.001] },
        ],
        explain: 'Each step back multiplies the error by 0.5, so 19 steps multiply it by 0.5¹⁹ ≈ 0.000002. This is the vanishing gradient: a factor below 1, repeated, shrinks the error away.',
      },
      notes: 'Let the room guess before pressing Commit. Most people guess "a tenth". Point at the straight line on the log axis: a constant factor per step is a straight line.',
    },
    {
      title: 'Above 1 it grows',
      scenario: at('linear', 'identity', 0.5),
      views: ['flow'],
      controls: ['rscale'],
      highlight: 'dh',
      text: [
        'Now change the recurrent scale: it multiplies $W_{hh}$.',
        'With a factor below 1 per step the error shrinks. With a factor above 1 it grows, step after step: the exploding gradient.',
        '(Some lecture notes say "smaller and smaller" for both cases. Above 1 it is larger and larger.)',
      ],
      alt: 'The same plot; as the recurrent scale passes 1 the line turns from falling to rising.',
      interaction: {
        kind: 'try',
        goal: 'make the error reaching step 0 larger than the error at the last step.',
        holds: { quantity: 'gradRatio', op: '>', value: 1 },
        why: 'With a recurrent scale above 1, each step back multiplies the error by more than 1: over 19 steps 1.5 becomes 1.5¹⁹ ≈ 2,200.',
        solve: { rscale: '1.5' },
      },
      notes: 'Ask someone to call out a scale. 1.0 is the knife edge: exactly constant. Try 1.5 and then 0.9.',
    },
    {
      title: 'The slope of the activation joins in',
      scenario: at('tanh', 'identity', 1.5),
      views: ['flow'],
      highlight: 'dh',
      text: [
        'A real RNN has an activation: $h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$.',
        'Going back one step multiplies the error by $W_{hh}$ and by the slope $\\tanh\'$ at that step. The slope is never more than 1.',
        '$\\rho(W_{hh})$, the spectral radius, is how much $W_{hh}$ stretches a vector in the long run. For $W_{hh} = 1.5\\,I$ it is 1.5. $\\langle \\tanh\' \\rangle$ is the average slope.',
        'So on average the factor per step is roughly $\\rho(W_{hh}) \\cdot \\langle \\tanh\' \\rangle$: here a little less than the 1.5 of $W_{hh}$ alone.',
      ],
      alt: 'The plot rises from the last step back to step 0, a little less steeply than with the linear network.',
      notes: 'ρ is the spectral radius, the size of W_hh’s largest eigenvalue. Here W_hh = 1.5·I, so ρ = 1.5 exactly.',
    },
    {
      title: 'A recurrent scale of 3',
      scenario: at('tanh', 'identity', 3),
      views: ['flow', 'gates'],
      highlight: 'h',
      text: [
        'Now $W_{hh} = 3\\,I$: its spectral radius is 3, far above 1. Does the error explode?',
      ],
      alt: 'The error plot falls steeply from the last step back, by about ten powers of ten, then rises a little towards step 0; the hidden-state heatmap shows the units near 0 over the first steps and near −1 or 1 over the later ones.',
      interaction: {
        kind: 'predict',
        question: 'with ρ(W_hh) = 3 and tanh, does the error grow or shrink on its way back?',
        quantity: 'stepFactor',
        after: 0,
        choices: [
          { label: 'It grows: the factor per step is above 1', range: [1, Number.POSITIVE_INFINITY] },
          { label: 'It shrinks: the factor per step is below 1', range: [0, 1] },
        ],
        explain: 'It shrinks: on average each step back multiplies the error by less than 0.4, although the weights are large. Large weights drive the units to −1 or 1, and more than half of the values of h sit there, where the slope tanh′ is almost 0: going back through those steps, the error all but vanishes.',
      },
      notes: 'The misconception to break: "vanishing gradients mean small weights". It is the product of weights and slopes. Show the gates view: h starts at 0, grows threefold per step, and from about step 10 every unit is at ±1. Going back, the saturated steps multiply the error by about 0.03 each; the early steps, where h is still small, multiply it by about 3, not enough to undo it. End to end it shrinks by about ten powers of ten.',
    },
    {
      title: 'ρ is a guide, not a law',
      scenario: at('tanh', 'orthogonal', 3),
      views: ['flow'],
      controls: ['init', 'rscale'],
      text: [
        'Same $\\rho(W_{hh}) = 3$, but a rotation (orthogonal) instead of a multiple of $I$: now the error grows again.',
        'What matters is the product of the Jacobians along the way, and that depends on more than one number: which units saturate, and how the error lines up with $W_{hh}$.',
        'So $\\rho(W_{hh}) \\cdot \\langle \\tanh\' \\rangle$ is a rough guide. The measured curve is the truth.',
      ],
      alt: 'The error plot rises from the last step back to step 0.',
      interaction: {
        kind: 'try',
        goal: 'find a setting where ρ(W_hh) is 2 or more and the error still shrinks on its way back.',
        holds: { quantity: 'rhoWhileShrinking', op: '>=', value: 2 },
        why: 'Large weights push the units to −1 or 1, where the slope tanh′ is almost 0. Those slopes outweigh the weights: ρ(W_hh) is large, and the gradient still vanishes.',
        solve: { init: 'identity', rscale: '3' },
      },
      notes: 'If nobody finds it: initialization identity, scale 3 (the previous step); identity at 2.5 works too. The goal reads ρ(W_hh) itself, so uniform or normal weights with a large scale do not count: their ρ stays small. Orthogonal mixes units, so fewer saturate together.',
    },
  ],
  quiz: [
    {
      question: 'The error of step 20 reaches step 0 multiplied 20 times by a factor of 0.8. About how much is left?',
      choices: [
        { text: 'About 1%', correct: true, why: '0.8²⁰ ≈ 0.012: a factor a little below 1, repeated, still leaves almost nothing.' },
        { text: 'About 80%', correct: false, why: 'That is one step. Twenty steps multiply twenty times.' },
        { text: 'About 16 times as much', correct: false, why: '20 × 0.8 = 16 adds the factor up twenty times. The error is multiplied by it twenty times.' },
      ],
    },
    {
      question: 'Which is the exploding gradient?',
      choices: [
        { text: 'A factor above 1 per step: the error grows step after step back', correct: true, why: 'Repeated multiplication by more than 1 grows without bound.' },
        { text: 'A factor below 1 per step', correct: false, why: 'That makes the error shrink: the vanishing gradient.' },
        { text: 'Any network with large weights', correct: false, why: 'Large weights can saturate tanh, and then the gradient vanishes.' },
      ],
    },
    {
      question: 'An RNN has ρ(W_hh) = 3 and tanh units that sit at ±1. What happens to the error going back?',
      choices: [
        { text: 'It vanishes', correct: true, why: 'At ±1 the slope of tanh is almost 0, and the error is multiplied by it at every step through those units.' },
        { text: 'It explodes, since ρ > 1', correct: false, why: 'ρ > 1 is a rough guide; the slopes are part of the product.' },
        { text: 'It stays the same', correct: false, why: 'Nothing here makes the factor exactly 1.' },
      ],
    },
  ],
  claims: [
    { says: 'So each step back multiplies the error by 0.5.', scenario: at('linear', 'identity', 0.5), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'stepFactor', op: '<', value: 0.5001 } },
    { says: 'With a factor below 1 per step the error shrinks.', scenario: at('linear', 'identity', 0.5), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'gradRatio', op: '<', value: 0.001 } },
    { says: 'With a factor above 1 it grows, step after step: the exploding gradient.', scenario: at('linear', 'identity', 1.5), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'stepFactor', op: '>', value: 1 } },
    { says: 'For $W_{hh} = 1.5\\,I$ it is 1.5.', scenario: at('tanh', 'identity', 1.5), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'rho', op: '>', value: 1.499 } },
    { says: 'For $W_{hh} = 1.5\\,I$ it is 1.5.', scenario: at('tanh', 'identity', 1.5), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'rho', op: '<', value: 1.501 } },
    { says: 'here a little less than the 1.5 of $W_{hh}$ alone.', scenario: at('tanh', 'identity', 1.5), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'stepFactor', op: '<', value: 1.5 } },
    { says: 'here a little less than the 1.5 of $W_{hh}$ alone.', scenario: at('tanh', 'identity', 1.5), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'stepFactor', op: '>', value: 1.2 } },
    { says: 'Now $W_{hh} = 3\\,I$: its spectral radius is 3, far above 1.', scenario: at('tanh', 'identity', 3), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'rho', op: '>', value: 2.99 } },
    // measured: 0.309, 0.298, 0.345 on seeds 1–3 (saturated steps back ≈ 0.03 each, the unsaturated early ones ≈ 3)
    { says: 'It shrinks: on average each step back multiplies the error by less than 0.4, although the weights are large.', scenario: at('tanh', 'identity', 3), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'stepFactor', op: '<', value: 0.4 } },
    // measured: 0.563, 0.537, 0.559 on seeds 1–3 (h starts at 0: the first ~8 steps are unsaturated, from step 10 on ≥ 94% of units are)
    { says: 'more than half of the values of h sit there, where the slope tanh′ is almost 0', scenario: at('tanh', 'identity', 3), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'saturatedShare', op: '>', value: 0.5 } },
    // the Try's solve reaches its goal: ρ = 3 and an average factor of 0.30–0.34 (identity at 2.5 too: 0.58–0.63)
    { says: 'Large weights push the units to −1 or 1, where the slope tanh′ is almost 0.', scenario: at('tanh', 'identity', 3), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'rhoWhileShrinking', op: '>=', value: 2 } },
    { says: 'Large weights push the units to −1 or 1, where the slope tanh′ is almost 0.', scenario: at('tanh', 'identity', 3), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'saturatedShare', op: '>', value: 0.5 } },
    { says: 'but a rotation (orthogonal) instead of a multiple of $I$: now the error grows again.', scenario: at('tanh', 'orthogonal', 3), steps: 0, seeds: [1, 2, 3], holds: { quantity: 'stepFactor', op: '>', value: 1 } },
  ],
};
