/** The simulator panel's shared state: the simulator's view (polled), and actions with their errors. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useMock } from './context';

export function useSimState() {
  const { sim } = useMock();
  return useQuery({ queryKey: ['sim-state'], queryFn: () => sim.state(), refetchInterval: 1000 });
}

/** Runs a simulator action, then refreshes the view. Resolves to whether it worked. */
export type SimAct = (what: string, work: () => Promise<unknown>) => Promise<boolean>;

export function useSimAction(): { act: SimAct; error: string | null; done: string | null } {
  const state = useSimState();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const act: SimAct = async (what, work) => {
    setError(null);
    setDone(null);
    try {
      await work();
    } catch (e) {
      setError(`${what}: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
    setDone(what);
    await state.refetch();
    return true;
  };
  return { act, error, done };
}
