import { createServer, type Server } from "node:http";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type Configuration } from "oidc-provider";

/** An account at the upstream provider, with the claims it states. */
export interface UpstreamAccount {
  sub: string;
  email: string;
  given_name: string;
  /** ProConnect's name for the family name. */
  usual_name?: string;
  family_name?: string;
  siret?: string;
  organisation?: string;
  org_id?: string;
}

export interface UpstreamDoubleOptions {
  profile: "proconnect" | "oidc";
  accounts: UpstreamAccount[];
  client: { clientId: string; clientSecret: string; redirectUri: string };
}

/**
 * A test double of an upstream identity provider (ProConnect, a ministry's Keycloak):
 * third parties we cannot run here. Built from oidc-provider on its in-memory adapter.
 * It signs in, without a page, the account whose e-mail is the `login_hint`, at the
 * assurance level set in `nextAcr`; for the ProConnect profile its userinfo is a signed JWT.
 */
export class UpstreamProviderDouble {
  /** The acr the next sign-in states. */
  nextAcr = "eidas1";
  /** When set, the token endpoint answers this body as JSON instead of tokens: a broken upstream. */
  tokenGarbage: string | undefined;
  /** Sign-ins completed, newest last: what the double was asked. */
  readonly requests: Array<{ loginHint?: string; acrValues?: string }> = [];

  private constructor(
    readonly issuer: string,
    private readonly server: Server,
  ) {}

  static async start(options: UpstreamDoubleOptions): Promise<UpstreamProviderDouble> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const issuer = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const double = new UpstreamProviderDouble(issuer, server);
    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    const proconnect = options.profile === "proconnect";
    const accounts = new Map(options.accounts.map((a) => [a.sub, a]));
    const configuration: Configuration = {
      clients: [
        {
          client_id: options.client.clientId,
          client_secret: options.client.clientSecret,
          redirect_uris: [options.client.redirectUri],
          token_endpoint_auth_method: proconnect ? "client_secret_post" : "client_secret_basic",
          ...(proconnect ? { userinfo_signed_response_alg: "RS256" } : {}),
        },
      ],
      jwks: {
        keys: [
          { ...(await exportJWK(privateKey)), kid: "double", alg: "RS256", use: "sig" } as never,
        ],
      },
      features: { devInteractions: { enabled: false }, jwtUserinfo: { enabled: proconnect } },
      scopes: proconnect
        ? ["openid", "email", "given_name", "usual_name", "uid", "siret", "idp_id"]
        : ["openid", "email", "profile", "organisation"],
      claims: proconnect
        ? {
            email: ["email"],
            given_name: ["given_name"],
            usual_name: ["usual_name"],
            uid: ["uid"],
            siret: ["siret"],
            idp_id: ["idp_id"],
            acr: null,
          }
        : {
            email: ["email"],
            profile: ["given_name", "family_name"],
            organisation: ["organisation", "org_id"],
            acr: null,
          },
      acrValues: ["eidas1", "eidas2", "eidas3"],
      pkce: { required: () => true },
      findAccount: async (_ctx, sub) => {
        const account = accounts.get(sub);
        return account
          ? { accountId: sub, claims: async () => ({ ...account, uid: sub, idp_id: "double" }) }
          : undefined;
      },
      async loadExistingGrant(ctx) {
        const grant = new ctx.oidc.provider.Grant({
          accountId: ctx.oidc.session?.accountId,
          clientId: ctx.oidc.client?.clientId,
        });
        grant.addOIDCScope(String(ctx.oidc.params?.scope ?? "openid"));
        await grant.save();
        return grant;
      },
    };
    const provider = new Provider(issuer, configuration);
    const handler = provider.callback();
    server.on("request", async (req, res) => {
      if (double.tokenGarbage !== undefined && req.url === "/token") {
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(double.tokenGarbage);
      }
      if (!req.url?.startsWith("/interaction/")) return handler(req, res);
      try {
        const details = await provider.interactionDetails(req, res);
        const hint = String(details.params.login_hint ?? "");
        const account = options.accounts.find((a) => a.email === hint);
        double.requests.push({
          loginHint: hint,
          acrValues: details.params.acr_values as string | undefined,
        });
        const result = account
          ? { login: { accountId: account.sub, acr: double.nextAcr, amr: ["pwd"] } }
          : { error: "access_denied", error_description: `no account ${hint}` };
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    });
    return double;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}
