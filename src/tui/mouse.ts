// Mouse reports in SGR form (`ESC [ < b ; x ; y M`, `m` on release), turned into events the App
// handles. They are taken out of the key stream (keys.ts) before Ink sees them: Ink would read one
// as a run of typed characters.

export type MouseKind = "click" | "wheelUp" | "wheelDown";

export interface MouseEvent {
  kind: MouseKind;
  /** Column and row on screen, from 0. */
  x: number;
  y: number;
}

const SGR_MOUSE = /^\x1b\[<(\d+);(\d+);(\d+)([Mm])$/;

export function isMouseReport(key: string): boolean {
  return key.startsWith("\x1b[<");
}

/** The event a report stands for; null for what the reader does not use (releases, drags, buttons 2 and 3). */
export function parseMouse(report: string): MouseEvent | null {
  const m = SGR_MOUSE.exec(report);
  if (!m) return null;
  const code = Number(m[1]);
  const x = Number(m[2]) - 1;
  const y = Number(m[3]) - 1;
  if (x < 0 || y < 0) return null;
  const button = code & ~(4 | 8 | 16);
  if (button === 64) return { kind: "wheelUp", x, y };
  if (button === 65) return { kind: "wheelDown", x, y };
  if (button === 0 && m[4] === "M") return { kind: "click", x, y };
  return null;
}

export type MouseListener = (event: MouseEvent) => void;

/** Where mouse events are handed from the key stream to whoever listens (the App). */
export class MouseEvents {
  private readonly listeners = new Set<MouseListener>();

  on(listener: MouseListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: MouseEvent): void {
    for (const l of this.listeners) l(event);
  }
}
