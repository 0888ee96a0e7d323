import type { Change } from "../api/versions.js";

/** One entry per line, so every line carries its own marker. */
export function splitLines(changes: Change[]): Change[] {
  return changes.flatMap(({ change, text }) =>
    text.split("\n").map((line) => ({ change, text: line })),
  );
}
