import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Lab, LabActions } from './lab';
import type { LabState } from './store';

const LabContext = createContext<Lab | null>(null);

/** Makes one lab (store + actions) available to the views below it; several providers may share a page. */
export function LabProvider({ lab, children }: { lab: Lab; children: ReactNode }) {
  return <LabContext.Provider value={lab}>{children}</LabContext.Provider>;
}

/** The lab of the nearest provider (for wrappers that re-provide it, such as a panel that pauses its view off-screen). */
export function useLabInstance(): Lab {
  return useLabContext();
}

function useLabContext(): Lab {
  const lab = useContext(LabContext);
  if (!lab) throw new Error('a lab view must be rendered inside <LabProvider>');
  return lab;
}

/** A slice of this widget's state; re-renders when the selected value changes (Object.is). */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabContext().store, selector);
}

/** This widget's actions (stable). */
export function useLabActions(): LabActions {
  return useLabContext().actions;
}
