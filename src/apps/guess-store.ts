/**
 * The game's own store, one per game on the page (never a module singleton): the round on the table, the guess made
 * on it, and every guess so far with the training step it was made at.
 */
import { createStore } from 'zustand/vanilla';
import type { Guess, Round } from './guess-round';

export interface GuessState {
  round: Round | null;
  /** the snippet picked on this round, once picked */
  picked: 0 | 1 | null;
  guesses: Guess[];
  /** how many rounds were dealt: the next round's seed */
  dealt: number;
  deal: (round: Round | null) => void;
  pick: (i: 0 | 1) => void;
}

export function createGuessStore() {
  return createStore<GuessState>()((set, get) => ({
    round: null,
    picked: null,
    guesses: [],
    dealt: 0,
    deal: (round) => set((s) => ({ round, picked: null, dealt: s.dealt + 1 })),
    pick: (i) => {
      const { round, picked } = get();
      // one guess a round; a second click changes nothing
      if (!round || picked !== null || (i !== 0 && i !== 1)) return;
      set((s) => ({ picked: i, guesses: [...s.guesses, { step: round.step, correct: i === round.network }] }));
    },
  }));
}

export type GuessStore = ReturnType<typeof createGuessStore>;
