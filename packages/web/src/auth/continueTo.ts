/**
 * Where to go after signing in, when an app sent the user here through Tandem's OpenID
 * provider (`/?continue=/oidc/interaction/<uid>`). Only that exact shape is followed, so
 * the parameter cannot send anyone to another site.
 */
export function continueTarget(search: string): string | null {
  const target = new URLSearchParams(search).get("continue");
  return target && /^\/oidc\/interaction\/[A-Za-z0-9_-]+$/.test(target) ? target : null;
}
