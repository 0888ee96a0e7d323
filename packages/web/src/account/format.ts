/** A moment as people of this language write it: "12 Mar 2026, 14:05". */
export function formatTime(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(ms),
  );
}
