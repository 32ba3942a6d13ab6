// The App's timers in one place: something done once a value has stayed the same for a while (the
// cursor resting on a briefing), never on a value that merely passes by.
import { useEffect, useRef } from "react";

/**
 * Calls `action(value)` once `value` has not changed for `ms`; a new value (or undefined) before then
 * cancels it. The latest `action` is used, so a caller may pass a fresh closure each render.
 */
export function useDwell<T>(value: T | undefined, ms: number, action: (value: T) => void): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    if (value === undefined) return;
    const timer = setTimeout(() => latest.current(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
}
