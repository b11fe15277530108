import { useEffect, useState } from "react";
import { Spinner } from "@fluentui/react-components";

/** How long an action runs before its spinner shows (ms): quicker ones never flash one. */
export const SPINNER_DELAY_MS = 300;

/**
 * A small Fluent spinner with a Spanish label that appears only once it has been mounted for
 * `delayMs` (default 300 ms): mount it while an action runs, so that every action longer than
 * that shows one and quicker ones show nothing.
 */
export function DelayedSpinner({ label, delayMs = SPINNER_DELAY_MS }: { label: string; delayMs?: number }) {
  const [visible, setVisible] = useState(delayMs <= 0);
  useEffect(() => {
    if (delayMs <= 0) return undefined;
    const timer = setTimeout(() => setVisible(true), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
  return visible ? <Spinner size="tiny" label={label} /> : null;
}

/**
 * Resolves after the browser has had a chance to paint (a frame, then a task): awaited before
 * synchronous work such as validating thousands of lines, so the state set just before (a
 * disabled button, a spinner) is on screen while it runs.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}
