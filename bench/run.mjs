// `npm run bench -- <name> [options]`: runs bench/<name>.mjs on the pinned Node, after a build.
import { readdirSync } from "node:fs";

const [name, ...args] = process.argv.slice(2);
const available = readdirSync(new URL(".", import.meta.url))
  .filter((file) => file.endsWith(".mjs") && file !== "run.mjs")
  .map((file) => file.slice(0, -".mjs".length));

if (!name || !available.includes(name)) {
  process.stderr.write(
    `usage: npm run bench -- <name> [options]\navailable benchmarks: ${available.join(", ")}\n`,
  );
  process.exit(name ? 1 : 0);
}

const bench = await import(`./${name}.mjs`);
await bench.run(args);
