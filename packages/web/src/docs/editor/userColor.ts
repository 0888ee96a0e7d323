/**
 * Cursor colours, chosen so that black or white text on them (BlockNote picks whichever
 * contrasts more) stays readable, and distinct enough to tell a few people apart.
 */
export const CURSOR_COLOURS = [
  "#1d4ed8",
  "#b91c1c",
  "#047857",
  "#7c3aed",
  "#c2410c",
  "#0e7490",
  "#be185d",
  "#4d7c0f",
  "#a16207",
  "#4338ca",
  "#0f766e",
  "#9d174d",
] as const;

/**
 * A colour that stays the same for one person on every device and every visit, so
 * collaborators learn to recognise each other's cursors: FNV-1a of the user id.
 */
export function userColour(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return CURSOR_COLOURS[hash % CURSOR_COLOURS.length] ?? CURSOR_COLOURS[0];
}

/** Up to two initials for an avatar: "Camille Agent" → "CA". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => [...(word ?? "")][0]?.toUpperCase() ?? "")
    .join("")
    .slice(0, 2);
}
