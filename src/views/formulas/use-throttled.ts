import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once every `ms` milliseconds (the latest value always arrives, at most `ms`
 * late); `ms` ≤ 0 passes every value straight through.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (ms <= 0 || Object.is(value, shown)) return;
    const wait = Math.max(0, ms - (performance.now() - last.current));
    const id = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(id);
  }, [value, shown, ms]);
  return ms <= 0 ? value : shown;
}
