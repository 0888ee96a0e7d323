import type { FastifyInstance } from "fastify";

/**
 * Strict headers for every response. The web app ships no inline script, so scripts
 * are same-origin only; inline styles stay allowed because Mantine sets style attributes.
 * HSTS only over https: on http://localhost it would pin the browser to https.
 *
 * These are the headers helmet gives for this policy (securityHeaders.test.ts holds them to
 * it), worked out once: @fastify/helmet builds helmet again on every request, which cost the
 * OpenID provider's token endpoint a tenth of its time.
 */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return {
    "content-security-policy": csp.join(";"),
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "origin-agent-cluster": "?1",
    "referrer-policy": "no-referrer",
    ...(options.https
      ? { "strict-transport-security": "max-age=31536000; includeSubDomains" }
      : {}),
    "x-content-type-options": "nosniff",
    "x-dns-prefetch-control": "off",
    "x-download-options": "noopen",
    "x-frame-options": "DENY",
    "x-permitted-cross-domain-policies": "none",
    "x-xss-protection": "0",
  };
}

export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }) {
  const headers = Object.entries(securityHeaders(options));
  // On the raw response, as helmet does: routes that hand the response over (the OpenID
  // provider's) send them too.
  app.addHook("onRequest", (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
