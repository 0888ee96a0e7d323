/** A minimal, self-contained error page for the browser-facing sign-in steps (no script: strict CSP). */
export function errorPage(error: string, description: string): string {
  const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><main><h1>Sign-in error</h1><p><code>${escapeHtml(error)}</code></p><p>${escapeHtml(description)}</p><p><a href="/">Back to Tandem</a></p></main></body></html>`;
}
