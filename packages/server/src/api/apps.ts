import type { Authenticator } from "@tandem/accounts";
import { Declarations, type ModuleApp, pathsOverlap, type TandemModule } from "@tandem/kernel";
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

export function registerAppRoutes(
  http: FastifyInstance,
  deps: { auth: Authenticator; modules: TandemModule[] },
) {
  // Read through the wire schema the web app parses with, once at start: an entry that does
  // not fit it (a missing language) is refused here rather than dropped by every browser.
  // (The typed list also makes the compiler refuse a ModuleApp that drifts from AppEntry.)
  const apps: AppList["apps"] = collectApps(deps.modules);
  const body: AppList = AppList.parse({ apps });
  /** GET /api/v1/apps — the apps of this deployment, for the web app's switcher. */
  http.get("/api/v1/apps", async (request) => {
    await deps.auth.require(request);
    return body;
  });
}
