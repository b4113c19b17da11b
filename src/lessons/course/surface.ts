import { ANNEALING, RESTARTS } from '../../views/surface/surface-summary';
import type { Lesson } from '../types';
import { lessonMeta } from '../catalog';

/**
 * The error surface of Pascanu, Mikolov & Bengio's one-unit network, drawn by the surface view. The view does not
 * depend on the lab's run, so every step keeps the same small paused run; what changes is the view's request, set
 * by each step (its `surface`: the view's first request — start (4.5, −2.5), learning rate 1, 200 steps, clipped at
 * 1 — with a threshold or a start changed, so the map a step opens on is the one its text and claims speak of), and
 * what the student does on the map (its threshold field, its Random restarts and Simulated annealing buttons, a
 * click on the cliff).
 */
const LAB = 'task=echo&lag=5&cell=rnn&speed=20&play=0';

/** Where the surface view puts the wall (its `cliff`) in three grid columns of its first map: low, middle, high. */
const WALL_LOW = { w: 4.729559748427673, b: -2.4443693860992632 };
const WALL_MID = { w: 7.748427672955975, b: -4.3230811071742545 };
const WALL_HIGH = { w: 14.79245283018868, b: -8.707700295514227 };

/** The two searches as the view's buttons ask for them (the restarts button also moves the seed on by one). */
const SEARCHES = { restarts: { n: RESTARTS }, annealing: ANNEALING };
const SEEDS = [1, 2, 3, 4, 5, 6];


export const lesson: Lesson = {
  ...lessonMeta('surface'),
  steps: [
    {
      title: 'A network small enough to draw',
      scenario: LAB,
      views: ['surface'],
      highlight: 'Whh',
      text: [
        'A real network has thousands of weights. Its loss is a surface over all of them: far too many dimensions to draw.',
        'So take a network with just two numbers. One unit, no input: it starts at $x_0 = 0.5$ and repeats $x_t = w\\,\\sigma(x_{t-1}) + b$ for 50 steps.',
        'Its loss is $E = (\\sigma(x_{50}) - 0.7)^2$. Each point of the map is one choice of the weight $w$ and the bias $b$, shaded by that loss.',
        'Two flat regions, plateaus, fill most of the map. For $w$ above about 4 they meet at a thin wall: the cliff. Where they meet gently, on the left, runs a narrow valley of low loss.',
      ],
      alt: 'A shaded map of the loss E over w from 0 to 16 (across) and b from −10 to 6 (up). A plateau fills the upper right and another the lower left; between them a thin diagonal wall runs down to the right for w above about 4, and on the left a narrow low valley.',
      notes: 'The example is from Pascanu, Mikolov & Bengio (2013). On the upper plateau σ(x₅₀) is almost 1, so E ≈ (1 − 0.7)² = 0.09; on the lower one it is almost 0, so E ≈ 0.49. Switch the shading to the gradient norm: on the wall it explodes.',
    },
    {
      title: 'Off the cliff',
      scenario: LAB,
      views: ['surface'],
      text: [
        'Plain gradient descent starts at the start marker, $(w, b) = (4.5, -2.5)$, with learning rate 1: each step moves by $-1 \\cdot \\nabla E$.',
        'It walks down the slope until it reaches the wall, where the gradient is huge.',
        'One step there throws it about 9 units away, onto the upper plateau.',
        'The plateau is flat, so the gradient there is almost 0 and descent stays stuck. Its loss ends at 0.09, far above the valley.',
        'This is an exploding gradient seen from above: a cliff in the loss.',
      ],
      alt: 'The map with two paths from the start at (4.5, −2.5). The solid path of plain descent creeps towards the wall, then one long segment jumps far up and to the right onto the upper plateau, where it stays.',
      notes: 'Press Replay in the view to watch the jump. The results line under the map gives the numbers: the loss at the end and the longest step, and when it happened. In an RNN the same cliff lives in thousands of dimensions.',
    },
    {
      title: 'Clip the step',
      scenario: LAB,
      views: ['surface'],
      text: [
        'Clipping by norm caps the length of the gradient. If $\\|g\\|$ is above a threshold $c$, $g$ is scaled down to length $c$; its direction stays.',
        'The dashed path is the same descent clipped at $c = 1$. With learning rate 1, no step is longer than 1.',
        'At the wall it takes a short step instead of a leap, stays on the slope, and walks down into the valley.',
        'Clipping changes the step, not the surface: the cliff is still there.',
      ],
      alt: 'The same map. The dashed clipped path follows the plain path to the wall, then, instead of jumping, turns along the slope and ends in the low valley to the left.',
      notes: 'The results line under the map gives both losses at the end. Clipping bounds the update; it does nothing to the forward pass. Ask: how high can the threshold go before clipping stops saving it?',
    },
    {
      title: 'A higher threshold',
      scenario: LAB,
      views: ['surface'],
      surface: { clip: 2 },
      text: [
        'Now the threshold is $c = 2$: the dashed path may take steps twice as long.',
        'Clipped at 2 it still reaches the valley.',
      ],
      alt: 'The map with the threshold at 2. The plain path still jumps onto the upper plateau; the dashed clipped path takes steps of up to 2 near the wall and still ends in the low valley to the left.',
      interaction: {
        kind: 'try',
        goal: 'raise the clipping threshold (the "clip at" field of the map) until clipped descent falls off the cliff too: its loss ends above 0.05.',
        holds: { quantity: 'surfaceClippedLoss', op: '>', value: 0.05 },
        why: 'A step long enough crosses the narrow valley and lands on the upper plateau, where the gradient is almost 0. Clipping only helps if the threshold keeps steps short.',
      },
      notes: 'Ask first: will a threshold of 5 still save it? The clip field applies on Enter; the results line gives the clipped loss at the end. The next step shows the threshold where it first fails.',
    },
    {
      title: 'Too high',
      scenario: LAB,
      views: ['surface'],
      surface: { clip: 3 },
      text: [
        'Now the threshold is $c = 3$.',
        'Clipped at 3 one step is long enough to cross onto the plateau.',
        'There the gradient is almost 0, and clipped descent is stuck like plain descent. Clipping only helps if the threshold keeps steps short.',
      ],
      alt: 'The map with the threshold at 3. The dashed clipped path, like the plain one, ends on the upper plateau instead of in the valley.',
      notes: 'The wall’s gradient here is about 9, but a step of 3 already overshoots the narrow valley. Compare the two results lines: both losses now end near 0.09.',
    },
    {
      title: 'Start somewhere else',
      scenario: LAB,
      views: ['surface'],
      text: [
        'Descent stops wherever the surface is flat. Where it ends depends on where it starts.',
        'The usual word for such a trap is a local minimum: a pit lower than all around it, but not the lowest point. The traps on this map are flatter: plateaus, where the gradient is almost 0.',
        'Either way, more descent from the same start cannot get out. A meta-heuristic is a search recipe that adds randomness to escape. The simplest: run clipped descent from many random starts, and keep the best end.',
      ],
      alt: 'The map with ten random start points, each joined to where its clipped descent ended; most ends lie on the two plateaus, and the best end is marked in the valley.',
      interaction: {
        kind: 'try',
        goal: 'press "Random restarts (10)" on the map, and find a restart that ends below a loss of 0.001.',
        holds: { quantity: 'surfaceRestartsBest', op: '<', value: 0.001 },
        why: 'Most of the ten runs end on a plateau. But the best one starts in the valley’s basin and ends at the bottom: the best of ten is all you keep.',
      },
      notes: 'Each press draws ten new starts (a new seed). Count the ends on the plateaus out loud. Ten descents of 200 steps cost 2,000 gradient steps: ten times one descent.',
    },
    {
      title: 'Simulated annealing',
      scenario: LAB,
      views: ['surface'],
      text: [
        'Simulated annealing needs no gradient at all. It proposes a small random move, and always accepts it when the loss falls.',
        'When the loss rises, it still accepts the move with probability $e^{-\\Delta E / T}$. The temperature $T$ starts high and cools, so it wanders first and settles later.',
        'Here it makes 2,000 proposals, starting from the same point as the descents.',
      ],
      alt: 'The map with a wandering path from the start: a cloud of small random moves that drifts along the slope and settles in the low valley, its best state marked.',
      interaction: {
        kind: 'try',
        goal: 'press "Simulated annealing" on the map, and get its best state below a loss of 0.0001.',
        holds: { quantity: 'surfaceAnnealingBest', op: '<', value: 0.0001 },
        why: 'Its best state lies deep in the valley, far below the 0.09 where plain descent got stuck. It never needed the cliff’s gradient: it only compares losses.',
      },
      notes: 'The acceptance rate in the results line is the share of proposals taken, uphill ones included. 2,000 proposals cost about what the ten restarts cost. With thousands of weights instead of two, random search of this kind becomes far harder.',
    },
    {
      title: 'On the wall itself',
      scenario: LAB,
      views: ['surface'],
      highlight: 'bh',
      surface: { start: WALL_LOW },
      text: [
        'One last experiment: both descents now start on the wall itself, at its low end.',
        'There the gradient is in the hundreds: one step of plain descent carries it hundreds of units away, far outside the map.',
        'The clipped path takes no step longer than the learning rate times the threshold.',
      ],
      alt: 'The map with the start on the low end of the wall; the path of plain descent leaves the map in its first step, while the dashed clipped path stays on it.',
      interaction: {
        kind: 'try',
        goal: 'click further along the cliff line (the map snaps a click onto it), and find a start on the wall where the longest step of plain descent is beyond $10^{20}$.',
        holds: { quantity: 'surfaceJump', op: '>', value: 1e20 },
        why: 'Further along the wall the gradient grows beyond $10^{20}$. Wherever on the wall it starts, one step of learning rate times gradient carries plain descent far outside the map.',
      },
      notes: 'Hover the cliff line first: the tooltip gives the gradient norm on the wall at that column. The low end (w ≈ 4.7) gives hundreds, the high end (w ≈ 15) about 10²⁵.',
    },
  ],
  quiz: [
    {
      question: 'Why did plain gradient descent jump off the cliff?',
      choices: [
        { text: 'On the wall the gradient is huge, and a step is the learning rate times the gradient', correct: true, why: 'The step grows with the gradient: a gradient of 9 with learning rate 1 is a step of 9.' },
        { text: 'The learning rate was too small', correct: false, why: 'A smaller rate shortens every step, but near the wall the gradient can still make one step long.' },
        { text: 'The wall is the highest point of the loss', correct: false, why: 'The wall is where the loss changes fastest, between two plateaus; it is steep, not high.' },
      ],
    },
    {
      question: 'What does clipping the gradient by its norm at c do?',
      choices: [
        { text: 'Scales any gradient longer than c down to length c, keeping its direction', correct: true, why: 'That is norm clipping: the step is at most the learning rate times c.' },
        { text: 'Removes the cliff from the loss surface', correct: false, why: 'The surface is the same; only the step taken on it is shortened.' },
        { text: 'Sets every large component of the gradient to 0', correct: false, why: 'Nothing is set to 0: the whole vector is scaled, so its direction stays.' },
      ],
    },
    {
      question: 'Ten random restarts: most end on a plateau. Why do restarts still help?',
      choices: [
        { text: 'Different starts end in different basins, and you keep only the best end', correct: true, why: 'One start in the valley’s basin is enough.' },
        { text: 'Each restart uses a larger learning rate', correct: false, why: 'Every restart uses the same settings; only the start changes.' },
        { text: 'The ends are averaged', correct: false, why: 'An average of plateau points and one valley point is not in the valley.' },
      ],
    },
    {
      question: 'Simulated annealing proposes a move that raises the loss. What happens?',
      choices: [
        { text: 'It is sometimes accepted, more often while the temperature is high', correct: true, why: 'With probability e^(−ΔE/T): uphill moves let it leave a plateau, and cooling makes it settle.' },
        { text: 'It is always rejected', correct: false, why: 'That would be a greedy search, stuck wherever nothing nearby is lower.' },
        { text: 'It is always accepted', correct: false, why: 'Then it would wander forever and never settle in the valley.' },
      ],
    },
  ],
  claims: [
    { says: 'One step there throws it about 9 units away, onto the upper plateau.', scenario: LAB, steps: 0, seeds: [1, 2, 3], surface: {}, holds: { quantity: 'surfaceJump', op: '>', value: 8.5 } },
    { says: 'One step there throws it about 9 units away, onto the upper plateau.', scenario: LAB, steps: 0, seeds: [1, 2, 3], surface: {}, holds: { quantity: 'surfaceJump', op: '<', value: 9.5 } },
    { says: 'Its loss ends at 0.09, far above the valley.', scenario: LAB, steps: 0, seeds: [1, 2, 3], surface: {}, holds: { quantity: 'surfaceDescentLoss', op: '>', value: 0.085 } },
    { says: 'Its loss ends at 0.09, far above the valley.', scenario: LAB, steps: 0, seeds: [1, 2, 3], surface: {}, holds: { quantity: 'surfaceDescentLoss', op: '<', value: 0.095 } },
    { says: 'At the wall it takes a short step instead of a leap, stays on the slope, and walks down into the valley.', scenario: LAB, steps: 0, seeds: [1, 2, 3], surface: {}, holds: { quantity: 'surfaceClippedLoss', op: '<', value: 0.001 } },
    { says: 'Clipped at 2 it still reaches the valley.', scenario: LAB, steps: 0, seeds: [1, 2, 3], surface: { clip: 2 }, holds: { quantity: 'surfaceClippedLoss', op: '<', value: 0.001 } },
    { says: 'Clipped at 3 one step is long enough to cross onto the plateau.', scenario: LAB, steps: 0, seeds: [1, 2, 3], surface: { clip: 3 }, holds: { quantity: 'surfaceClippedLoss', op: '>', value: 0.05 } },
    { says: 'Most of the ten runs end on a plateau.', scenario: LAB, steps: 0, seeds: SEEDS, surface: SEARCHES, holds: { quantity: 'surfaceRestartsStuck', op: '>', value: 0.5 } },
    { says: 'But the best one starts in the valley’s basin and ends at the bottom', scenario: LAB, steps: 0, seeds: SEEDS, surface: SEARCHES, holds: { quantity: 'surfaceRestartsBest', op: '<', value: 0.001 } },
    { says: 'Its best state lies deep in the valley, far below the 0.09 where plain descent got stuck.', scenario: LAB, steps: 0, seeds: SEEDS, surface: SEARCHES, holds: { quantity: 'surfaceAnnealingBest', op: '<', value: 1e-4 } },
    { says: 'There the gradient is in the hundreds: one step of plain descent carries it hundreds of units away, far outside the map.', scenario: LAB, steps: 0, seeds: [1], surface: { start: WALL_LOW }, holds: { quantity: 'surfaceJump', op: '>', value: 100 } },
    { says: 'There the gradient is in the hundreds: one step of plain descent carries it hundreds of units away, far outside the map.', scenario: LAB, steps: 0, seeds: [1], surface: { start: WALL_LOW }, holds: { quantity: 'surfaceJump', op: '<', value: 1000 } },
    { says: 'There the gradient is in the hundreds: one step of plain descent carries it hundreds of units away, far outside the map.', scenario: LAB, steps: 0, seeds: [1], surface: { start: WALL_LOW }, holds: { quantity: 'surfaceDescentOff', op: '>=', value: 1 } },
    { says: 'Further along the wall the gradient grows beyond $10^{20}$.', scenario: LAB, steps: 0, seeds: [1], surface: { start: WALL_HIGH }, holds: { quantity: 'surfaceJump', op: '>', value: 1e20 } },
    { says: 'Wherever on the wall it starts, one step of learning rate times gradient carries plain descent far outside the map.', scenario: LAB, steps: 0, seeds: [1], surface: { start: WALL_LOW }, holds: { quantity: 'surfaceDescentOff', op: '>=', value: 1 } },
    { says: 'Wherever on the wall it starts, one step of learning rate times gradient carries plain descent far outside the map.', scenario: LAB, steps: 0, seeds: [1], surface: { start: WALL_MID }, holds: { quantity: 'surfaceDescentOff', op: '>=', value: 1 } },
    { says: 'Wherever on the wall it starts, one step of learning rate times gradient carries plain descent far outside the map.', scenario: LAB, steps: 0, seeds: [1], surface: { start: WALL_HIGH }, holds: { quantity: 'surfaceDescentOff', op: '>=', value: 1 } },
  ],
};
