import { Declarations } from "./declarations.js";

/**
 * The URL paths a module serves, declared as data on its module object so that the server can
 * refuse two modules claiming one path before either registers. Every entry is a path from the
 * root ("/api/docs/v1"), without a trailing slash, and claims itself and everything under it
 * (by segments: "/docs" claims "/docs/x", not "/docsx").
 */
export interface ModulePaths {
  /** The base of each RestApi the module builds (`/api/docs/v1`); RestApi refuses any other. */
  rest?: readonly string[];
  /** The paths its RawRoutes serve before Fastify (identity's `/oidc`); RawRoutes refuses others. */
  raw?: readonly string[];
  /** Its WebSocket upgrade paths (docs' `/api/docs/collab`); UpgradeRouter refuses others. */
  upgrades?: readonly string[];
  /**
   * The prefixes of its other Fastify routes (`/federation`, `/oidc/interaction`). Checked against
   * other modules' claims at start; Fastify itself does not hold a route to them.
   */
  prefixes?: readonly string[];
}

export type PathKind = keyof ModulePaths;

const KINDS: readonly PathKind[] = ["rest", "raw", "upgrades", "prefixes"];

const segments = (path: string) => path.split("/").filter(Boolean);

/** Whether `path` is `claim` or lies under it, segment by segment. */
export function isAtOrUnder(path: string, claim: string): boolean {
  const [inner, outer] = [segments(path), segments(claim)];
  return outer.length <= inner.length && outer.every((segment, i) => inner[i] === segment);
}

/** Whether one path is the other or lies under it ("/docs" and "/docs/x" overlap). */
export function pathsOverlap(a: string, b: string): boolean {
  return isAtOrUnder(a, b) || isAtOrUnder(b, a);
}

/**
 * What one module declared, handed to the kernel's RestApi, RawRoutes and UpgradeRouter when
 * it registers: each refuses, in one line, a path the module did not declare.
 */
export class ModuleClaims {
  readonly module: string;
  readonly paths: ModulePaths;

  constructor(module: string, paths: ModulePaths = {}) {
    this.module = module;
    this.paths = paths;
  }

  /** Throws unless `path` lies at or under one of the module's `kind` paths. */
  require(kind: PathKind, path: string): void {
    if ((this.paths[kind] ?? []).some((claim) => isAtOrUnder(path, claim))) return;
    throw new Error(`module ${this.module}: ${path} is not declared in its paths.${kind}`);
  }
}

/**
 * Every module's declared paths, checked before anything registers. Two modules claiming one
 * path, or one a path under the other's, are refused in one line naming both and the paths:
 * which module answers would otherwise depend on registration order. There is no exception
 * across modules — a module that serves under another's path is a module that should declare
 * a narrower one. Within one module overlaps are its own choice (identity hands `/oidc` to
 * oidc-provider raw, but serves `/oidc/interaction` through Fastify), and are allowed.
 */
export function claimPaths(
  modules: readonly { name: string; paths?: ModulePaths }[],
): Map<string, ModuleClaims> {
  const claimed = new Declarations<string>({
    key: (path) => path,
    conflicts: (first, second) => first.by !== second.by && pathsOverlap(first.value, second.value),
    refuse: (first, second) =>
      new Error(
        `modules ${first.by} and ${second.by} both claim a path: ${first.value} and ${second.value}`,
      ),
  });
  const owners = new Map<string, ModuleClaims>();
  for (const module of modules) {
    const paths = module.paths ?? {};
    for (const path of KINDS.flatMap((kind) => paths[kind] ?? [])) {
      if (!path.startsWith("/") || path.endsWith("/"))
        throw new Error(`module ${module.name}: path ${path} must start and not end with "/"`);
      claimed.add(path, module.name);
    }
    owners.set(module.name, new ModuleClaims(module.name, paths));
  }
  return owners;
}
