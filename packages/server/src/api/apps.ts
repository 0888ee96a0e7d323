import type { Authenticator } from "@tandem/accounts";
import {
  Declarations,
  type ModuleApp,
  ModuleClaims,
  pathsOverlap,
  RestApi,
  type TandemModule,
} from "@tandem/kernel";
import { AppList } from "@tandem/kernel/wire";
import type { FastifyInstance } from "fastify";

/**
 * The web apps the modules declare. Two apps with one id, or whose paths overlap, would show
 * one app's pages under the other's entry: refused at start, with a one-line message.
 */
export function collectApps(modules: readonly TandemModule[]): ModuleApp[] {
  const ids = new Declarations<string>({
    refuse: (first, second) =>
      new Error(`Modules "${first.by}" and "${second.by}" both declare the app "${second.value}"`),
  });
  const paths = new Declarations<string>({
    conflicts: (first, second) => pathsOverlap(first.value, second.value),
    refuse: (first, second) =>
      new Error(
        `The app paths "${first.value}" (${first.by}) and "${second.value}" (${second.by}) clash`,
      ),
  });
  const apps: ModuleApp[] = [];
  for (const module of modules) {
    if (!module.app) continue;
    ids.add(module.app.id, module.name);
    paths.add(module.app.path, module.name);
    apps.push(module.app);
  }
  return apps;
}

/** Where the server's own routes under /api/v1 are described (accounts has the base's default). */
export const SERVER_OPENAPI = "/api/v1/server/openapi.json";

export function registerAppRoutes(
  http: FastifyInstance,
  deps: { auth: Authenticator; modules: TandemModule[] },
) {
  // Read through the wire schema the web app parses with, once at start: an entry that does
  // not fit it (a missing language) is refused here rather than dropped by every browser.
  // (The typed list also makes the compiler refuse a ModuleApp that drifts from AppEntry.)
  const apps: AppList["apps"] = collectApps(deps.modules);
  const body: AppList = AppList.parse({ apps });
  const api = new RestApi(http, {
    base: "/api/v1",
    title: "Tandem Server API",
    claims: new ModuleClaims("server", { rest: ["/api/v1/apps", "/api/v1/server"] }),
    descriptionPath: SERVER_OPENAPI,
  });
  api.route({
    method: "GET",
    path: "/apps",
    summary: "The apps of this deployment, for the web app's switcher",
    who: (request) => deps.auth.require(request),
    responses: { 200: AppList },
    handler: async () => body,
  });
}
