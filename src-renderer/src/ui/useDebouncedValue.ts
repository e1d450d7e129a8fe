import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `delayMs` (pass primitives: strings, numbers). */
export function useDebouncedValue<T extends string | number | boolean | null | undefined>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
