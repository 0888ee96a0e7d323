import helmet from "@fastify/helmet";
import Fastify from "fastify";
import { expect, test } from "vitest";
import { registerSecurityHeaders } from "./securityHeaders.js";

// The policy as helmet states it: what the precomputed headers must stay equal to.
const policy = (https: boolean) => ({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
      ...(https ? { upgradeInsecureRequests: [] } : {}),
    },
  },
  strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
  frameguard: { action: "deny" as const },
  crossOriginEmbedderPolicy: false,
});

async function headersOf(register: (app: ReturnType<typeof Fastify>) => Promise<unknown>) {
  const app = Fastify();
  await register(app);
  app.get("/", async () => "ok");
  const response = await app.inject({ url: "/" });
  await app.close();
  const { date: _date, ...headers } = response.headers;
  return headers;
}

for (const https of [false, true]) {
  test(`the headers are helmet's for Tandem's policy (${https ? "https" : "http"})`, async () => {
    const ours = await headersOf((app) => registerSecurityHeaders(app, { https }));
    const helmets = await headersOf((app) => app.register(helmet, policy(https)));
    expect(ours).toEqual(helmets);
  });
}
