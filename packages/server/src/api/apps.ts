import type { Authenticator } from "@tandem/accounts";
import { type ModuleApp, RestApi, type TandemModule } from "@tandem/kernel";
import { AppList } from "@tandem/kernel/wire";
import type { FastifyInstance } from "fastify";

const segments = (path: string) => path.split("/").filter(Boolean);

/** Whether one path is the other or lies under it ("/docs" and "/docs/x" clash). */
function clash(a: string, b: string): boolean {
  const [short, long] = [segments(a), segments(b)].sort((x, y) => x.length - y.length);
  return short !== undefined && long !== undefined && short.every((s, i) => long[i] === s);
}

/**
 * The web apps the modules declare. Two apps with one id, or whose paths overlap, would show
 * one app's pages under the other's entry: refused at start, with a one-line message.
 */
export function collectApps(modules: readonly TandemModule[]): ModuleApp[] {
  const apps: { module: string; app: ModuleApp }[] = [];
  for (const module of modules) {
    const app = module.app;
    if (!app) continue;
    for (const other of apps) {
      if (other.app.id === app.id) {
        throw new Error(
          `Modules "${other.module}" and "${module.name}" both declare the app "${app.id}"`,
        );
      }
      if (clash(other.app.path, app.path)) {
        throw new Error(
          `The app paths "${other.app.path}" (${other.module}) and "${app.path}" (${module.name}) clash`,
        );
      }
    }
    apps.push({ module: module.name, app });
  }
  return apps.map(({ app }) => app);
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
