// Builds Tandem: TypeScript packages with `tsc -b`, the web app with Vite.
// `--if-needed` skips what is already up to date, so `npm start` is quick after the first time.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const args = new Set(process.argv.slice(2));
const ifNeeded = args.has("--if-needed");
const quiet = args.has("--quiet");
const root = new URL("..", import.meta.url).pathname;
const say = (line) => quiet || process.stderr.write(`${line}\n`);

function run(command, commandArgs, cwd = root) {
  // npm puts node_modules/.bin first on PATH, so these run on the pinned Node.
  const result = spawnSync(command, commandArgs, {
    cwd,
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
  });
  if (result.status !== 0) {
    process.stderr.write(`build failed: ${command} ${commandArgs.join(" ")}\n`);
    process.exit(result.status ?? 1);
  }
}

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

// tsc -b compares sources with its build info itself and returns in a fraction of a second.
say("building TypeScript packages (tsc -b)");
run(join(root, "node_modules/.bin/tsc"), ["-b", "tsconfig.json"]);

const web = join(root, "packages/web");
const builtAt = newest(join(web, "dist/index.html"));
// The modules' wire shapes (`@tandem/<module>/wire`) are compiled into the app too.
const wires = readdirSync(join(root, "packages")).map((name) =>
  join(root, "packages", name, "src/wire"),
);
const sources = [
  ...["src", "public", "index.html", "vite.config.ts", "package.json"].map((p) => join(web, p)),
  ...wires,
];
if (!ifNeeded || builtAt === 0 || Math.max(...sources.map(newest)) > builtAt) {
  say("building the web app (vite build)");
  run(join(root, "node_modules/.bin/vite"), ["build", "--logLevel", quiet ? "error" : "warn"], web);
}
