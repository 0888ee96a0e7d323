// `npm run bench -- identity --trace-sql`: loaded into the Tandem process with `node --import`,
// counts the SQL statements it runs, by text, on both engines (on node:sqlite, executions of
// statements the kernel prepares once and keeps; pg sends one query per statement). On SQLite, where every
// call is synchronous on the main thread, it also times them: the prepare and the execution.
// On SIGUSR2 it writes what it saw since the previous signal to BENCH_SQL_TRACE_FILE and
// starts again from zero.
import { renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { DatabaseSync, StatementSync } from "node:sqlite";

const file = process.env.BENCH_SQL_TRACE_FILE;
let counts = new Map();
let serial = 0;

const normalise = (text) => String(text).replace(/\s+/g, " ").trim();
const entry = (statement) => {
  let seen = counts.get(statement);
  if (!seen) {
    seen = { count: 0, prepareUs: 0, runUs: 0 };
    counts.set(statement, seen);
  }
  return seen;
};

const now = () => process.hrtime.bigint();

const prepare = DatabaseSync.prototype.prepare;
DatabaseSync.prototype.prepare = function tracedPrepare(sql, ...rest) {
  const seen = entry(normalise(sql));
  const started = now();
  try {
    return prepare.call(this, sql, ...rest);
  } finally {
    seen.prepareUs += Number(now() - started) / 1000;
  }
};
// Each statement's normalised text, worked out once: the trace should cost little next to SQLite.
const texts = new WeakMap();
const textOf = (statement) => {
  let text = texts.get(statement);
  if (text === undefined) {
    text = normalise(statement.sourceSQL);
    texts.set(statement, text);
  }
  return text;
};
for (const method of ["run", "all", "get", "iterate"]) {
  const original = StatementSync.prototype[method];
  StatementSync.prototype[method] = function tracedExecution(...args) {
    const started = now();
    try {
      return original.apply(this, args);
    } finally {
      // Counted here, not at prepare: the kernel keeps prepared statements for reuse.
      const seen = entry(textOf(this));
      seen.count += 1;
      seen.runUs += Number(now() - started) / 1000;
    }
  };
}

// The same pg the kernel loads (hoisted to the root node_modules).
try {
  const pg = createRequire(import.meta.url)("pg");
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function tracedQuery(config, ...rest) {
    entry(normalise(typeof config === "string" ? config : (config?.text ?? "?"))).count += 1;
    return query.call(this, config, ...rest);
  };
} catch {
  // SQLite only.
}

process.on("SIGUSR2", () => {
  serial += 1;
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ serial, counts: Object.fromEntries(counts) }));
  renameSync(temporary, file);
  counts = new Map();
});
