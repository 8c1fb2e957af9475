/** The simulator panel's actions with their outcome ("Done: …" or the error). The view follows the simulator's pushes. */
import { useState } from 'react';

/** Runs a simulator action. Resolves to whether it worked. */
export type SimAct = (what: string, work: () => Promise<unknown>) => Promise<boolean>;

export function useSimAction(): { act: SimAct; error: string | null; done: string | null } {
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
    return true;
  };
  return { act, error, done };
}
