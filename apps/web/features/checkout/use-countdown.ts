'use client';

import { useEffect, useState } from 'react';
import { msToNextTick } from './countdown';

/** Milliseconds left until `deadline` (ISO), updated as each displayed second passes; 0 when over. */
export function useCountdown(deadline: string): number {
  const target = Date.parse(deadline);
  const [left, setLeft] = useState(() => Math.max(0, target - Date.now()));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const ms = Math.max(0, target - Date.now());
      setLeft(ms);
      if (ms > 0) timer = setTimeout(tick, msToNextTick(ms));
    };
    tick();
    return () => clearTimeout(timer);
  }, [target]);

  return left;
}
