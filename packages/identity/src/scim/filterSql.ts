import { type RawBuilder, type SqlBool, sql } from "kysely";
import { invalidFilter } from "./errors.js";
import { type CompareOp, type CompareValue, type Filter, splitPath } from "./filter.js";

type Condition = RawBuilder<SqlBool>;

/** How one filterable attribute becomes SQL. */
export interface SqlAttribute {
  compare(op: CompareOp, value: CompareValue, path: string): Condition;
  present(): Condition;
}

/**
 * A resource type's filterable attributes, keyed by lower-cased path without the core
 * schema's URN (`username`, `name.givenname`, `emails.value`); an extension's attributes
 * keep their URN (`urn:…:enterprise:2.0:user:organization`).
 */
export type AttributeMap = Record<string, SqlAttribute>;

const TRUE = sql<SqlBool>`1 = 1`;
const FALSE = sql<SqlBool>`1 = 0`;

/** Turns a parsed filter into one SQL condition over the attributes given. */
export function filterToSql(filter: Filter, attributes: AttributeMap, coreUrn: string): Condition {
  const resolve = (path: string, parent?: string): SqlAttribute => {
    const { urn, name, sub } = splitPath(path);
    const local = parent ? `${parent}.${name}` : sub ? `${name}.${sub}` : name;
    const key = urn && urn !== coreUrn.toLowerCase() ? `${urn}:${local}` : local;
    const attribute = attributes[key] ?? attributes[`${key}.value`];
    if (!attribute) throw invalidFilter(`cannot filter on "${path}"`);
    return attribute;
  };
  const walk = (node: Filter, parent?: string): Condition => {
    switch (node.kind) {
      case "compare":
        return resolve(node.path, parent).compare(node.op, node.value, node.path);
      case "present":
        return resolve(node.path, parent).present();
      case "and":
        return sql<SqlBool>`(${walk(node.left, parent)} and ${walk(node.right, parent)})`;
      case "or":
        return sql<SqlBool>`(${walk(node.left, parent)} or ${walk(node.right, parent)})`;
      case "not":
        return sql<SqlBool>`not (${walk(node.filter, parent)})`;
      case "valuePath":
        // Tandem's multi-valued attributes hold one value each (one e-mail, one member per
        // row), so "some value matches all of it" is the inner filter itself.
        return walk(node.filter, splitPath(node.path).name);
    }
  };
  return walk(filter);
}

/** A text column; compared case-insensitively unless `caseExact` (RFC 7643 §2.2). */
export function textAttribute(
  column: string,
  options: { caseExact?: boolean; lowercased?: boolean } = {},
): SqlAttribute {
  const ref = sql.ref(column);
  return {
    compare(op, value, path) {
      if (value === null && (op === "eq" || op === "ne")) {
        return op === "eq" ? sql<SqlBool>`${ref} is null` : sql<SqlBool>`${ref} is not null`;
      }
      if (typeof value !== "string") throw invalidFilter(`"${path}" is compared with a string`);
      if (options.caseExact) return exactText(ref, op, value);
      // A column stored lower-cased (e-mails) is compared without lower() so its index serves.
      const left = options.lowercased ? ref : sql`lower(${ref})`;
      const lower = (text: string) =>
        options.lowercased ? sql`${text.toLowerCase()}` : lowered(text);
      const pattern = likePattern(op, value);
      if (pattern !== undefined) return sql<SqlBool>`${left} like ${lower(pattern)} escape '\\'`;
      return ordered(op, left, lower(value), ref);
    },
    present: () => sql<SqlBool>`(${ref} is not null and ${ref} <> '')`,
  };
}

/** A millisecond timestamp column, compared with an RFC 3339 date-time. */
export function timeAttribute(column: string | RawBuilder<unknown>): SqlAttribute {
  const ref = typeof column === "string" ? sql.ref(column) : column;
  return {
    compare(op, value, path) {
      const at = typeof value === "string" ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(at)) throw invalidFilter(`"${path}" is compared with a date-time string`);
      if (op === "co" || op === "sw" || op === "ew") {
        throw invalidFilter(`"${op}" does not apply to the date-time "${path}"`);
      }
      return ordered(op, ref, sql`${at}`, ref);
    },
    present: () => sql<SqlBool>`${ref} is not null`,
  };
}

/** A boolean known to SQL as a condition, e.g. `active` is `disabled_at is null`. */
export function booleanAttribute(whenTrue: Condition): SqlAttribute {
  return {
    compare(op, value, path) {
      const wanted = typeof value === "string" ? value.toLowerCase() : value;
      if (
        (op !== "eq" && op !== "ne") ||
        (wanted !== true && wanted !== false && wanted !== "true" && wanted !== "false")
      ) {
        throw invalidFilter(`"${path}" is a boolean: use "eq true" or "eq false"`);
      }
      const positive = (wanted === true || wanted === "true") === (op === "eq");
      return positive ? whenTrue : sql<SqlBool>`not (${whenTrue})`;
    },
    present: () => TRUE,
  };
}

/** An attribute every resource has with the same value (every e-mail's `type` is "work"). */
export function constantAttribute(constant: string | boolean): SqlAttribute {
  return {
    compare(op, value) {
      if (typeof constant === "boolean" || typeof value !== "string") {
        const same = String(value).toLowerCase() === String(constant);
        if (op === "eq" || op === "ne") return same === (op === "eq") ? TRUE : FALSE;
        throw invalidFilter(`"${op}" does not apply to a boolean`);
      }
      const [a, b] = [constant.toLowerCase(), value.toLowerCase()];
      const matches: Record<CompareOp, boolean> = {
        eq: a === b,
        ne: a !== b,
        co: a.includes(b),
        sw: a.startsWith(b),
        ew: a.endsWith(b),
        gt: a > b,
        ge: a >= b,
        lt: a < b,
        le: a <= b,
      };
      return matches[op] ? TRUE : FALSE;
    },
    present: () => TRUE,
  };
}

/** A reference held in another table: `members.value eq "…"` is an EXISTS over the link rows. */
export function linkAttribute(exists: (id?: string) => Condition): SqlAttribute {
  return {
    compare(op, value, path) {
      if ((op !== "eq" && op !== "ne") || typeof value !== "string") {
        throw invalidFilter(`"${path}" takes "eq" or "ne" and an id`);
      }
      return op === "eq" ? exists(value) : sql<SqlBool>`not (${exists(value)})`;
    },
    present: () => exists(),
  };
}

/** lower() of a parameter; the cast tells PostgreSQL which lower() is meant. */
function lowered(value: string): RawBuilder<unknown> {
  return sql`lower(cast(${value} as text))`;
}

function likePattern(op: CompareOp, value: string): string | undefined {
  const escaped = value.replace(/[\\%_]/g, (c) => `\\${c}`);
  if (op === "co") return `%${escaped}%`;
  if (op === "sw") return `${escaped}%`;
  if (op === "ew") return `%${escaped}`;
  return undefined;
}

/**
 * Case-sensitive matching without LIKE, which SQLite compares case-insensitively:
 * substr and replace behave alike on both engines.
 */
function exactText(ref: RawBuilder<unknown>, op: CompareOp, value: string): Condition {
  const length = [...value].length;
  if (op === "co") return value ? sql<SqlBool>`replace(${ref}, ${value}, '') <> ${ref}` : TRUE;
  if (op === "sw") return sql<SqlBool>`substr(${ref}, 1, ${length}) = ${value}`;
  if (op === "ew") {
    return sql<SqlBool>`(length(${ref}) >= ${length} and substr(${ref}, length(${ref}) - ${length} + 1) = ${value})`;
  }
  return ordered(op, ref, sql`${value}`, ref);
}

function ordered(
  op: CompareOp,
  left: RawBuilder<unknown>,
  right: RawBuilder<unknown>,
  column: RawBuilder<unknown>,
): Condition {
  switch (op) {
    case "eq":
      return sql<SqlBool>`${left} = ${right}`;
    case "ne":
      return sql<SqlBool>`(${column} is null or ${left} <> ${right})`;
    case "gt":
      return sql<SqlBool>`${left} > ${right}`;
    case "ge":
      return sql<SqlBool>`${left} >= ${right}`;
    case "lt":
      return sql<SqlBool>`${left} < ${right}`;
    case "le":
      return sql<SqlBool>`${left} <= ${right}`;
    default:
      throw invalidFilter(`"${op}" does not apply here`);
  }
}
