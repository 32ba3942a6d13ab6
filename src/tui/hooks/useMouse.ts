// Mouse events for the App: the latest handler is called, so it always sees the current screen.
import { useEffect, useRef } from "react";
import type { MouseEvents, MouseListener } from "../mouse.js";

export function useMouse(events: MouseEvents | undefined, handler: MouseListener): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => events?.on((e) => ref.current(e)), [events]);
}
