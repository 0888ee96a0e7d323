/**
 * Where to go after signing in, when an app sent the user here through Tandem's OpenID
 * provider (`/?continue=/oidc/interaction/<uid>`). Only that exact shape is followed, so
 * the parameter cannot send anyone to another site.
 */
export function continueTarget(search: string): string | null {
  const target = new URLSearchParams(search).get("continue");
  return target && /^\/oidc\/interaction\/[A-Za-z0-9_-]+$/.test(target) ? target : null;
}

/**
 * Where to send the browser for a federated sign-in: the server's start URL, carrying the
 * app's interaction along (`continue`) only when the page was opened with a valid one, so
 * the provider can hand back to it after the upstream sign-in.
 */
export function federationTarget(url: string, search: string): string {
  const target = continueTarget(search);
  if (!target) return url;
  return `${url}${url.includes("?") ? "&" : "?"}continue=${encodeURIComponent(target)}`;
}
