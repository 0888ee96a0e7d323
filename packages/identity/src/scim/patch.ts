import { ScimError as PatchLibraryError, type ScimPatchOperation, scimPatch } from "scim-patch";
import { invalidFilter, invalidPath, invalidSyntax, invalidValue, ScimError } from "./errors.js";
import { parseFilter } from "./filter.js";
import type { ScimResource } from "./presenters.js";
import { ENTERPRISE_USER_SCHEMA, PATCH_OP } from "./urns.js";
import { isObject } from "./userInput.js";

/** One PatchOp operation (RFC 7644 §3.5.2), its `op` lower-cased. */
export interface PatchOperation {
  op: "add" | "remove" | "replace";
  path?: string;
  value?: unknown;
}

const OPS = new Set(["add", "remove", "replace"]);
const NAME = "[A-Za-z$][\\w$-]*";
/** PATH = attrPath / valuePath [subAttr] (RFC 7644 §3.5.2), once a known schema URN is off. */
const PATH = new RegExp(`^(${NAME}(?:\\.${NAME})?)(?:\\[(.+)\\](\\.${NAME})?)?$`);
// These names would reach Object.prototype through the patch library's path walking.
const FORBIDDEN_KEY = /(^|[.:])(__proto__|constructor|prototype)($|[.:[])/i;
const MAX_OPERATIONS = 1000;
const EXTENSIONS = new Set([ENTERPRISE_USER_SCHEMA.toLowerCase()]);

/**
 * Reads a PatchOp body. Operations' `op` is taken in any case: Entra ID sends "Replace".
 * Attribute names in paths get their usual case from `names`.
 */
export function readPatch(body: unknown, names: string[]): PatchOperation[] {
  if (!isObject(body)) throw invalidSyntax("the body must be a JSON object");
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_OP)) {
    throw invalidSyntax(`"schemas" must be ["${PATCH_OP}"]`);
  }
  const operations = Object.entries(body).find(([key]) => key.toLowerCase() === "operations")?.[1];
  if (!Array.isArray(operations) || operations.length === 0) {
    throw invalidSyntax('"Operations" must be a non-empty array');
  }
  if (operations.length > MAX_OPERATIONS) {
    throw invalidSyntax(`at most ${MAX_OPERATIONS} operations in one request`);
  }
  const canonical = new Map(names.map((name) => [name.toLowerCase(), name]));
  return operations.flatMap((operation, index): PatchOperation[] => {
    const where = `Operations[${index}]`;
    if (!isObject(operation)) throw invalidSyntax(`${where} must be an object`);
    const op = typeof operation.op === "string" ? operation.op.toLowerCase() : "";
    if (!OPS.has(op)) throw invalidSyntax(`${where}.op must be add, remove or replace`);
    const path = operation.path;
    if (path !== undefined && typeof path !== "string") {
      throw invalidPath(`${where}.path must be a string`);
    }
    if (op === "remove" && !path) {
      throw new ScimError(400, "noTarget", `${where}: remove needs a path`);
    }
    if (op !== "remove" && !("value" in operation)) {
      throw invalidSyntax(`${where}: ${op} needs a value`);
    }
    const kind = op as PatchOperation["op"];
    const value = operation.value;
    const read = (candidate: string, inner: unknown, at: string) => {
      const canonicalised = canonicalPath(candidate, canonical, at);
      if (canonicalised === undefined) return [];
      assertSafeValue(inner, at);
      return expand(kind, canonicalised, inner).flatMap((expanded) => {
        const again = canonicalPath(expanded.path ?? "", canonical, at);
        return again === undefined ? [] : [{ ...expanded, path: again }];
      });
    };
    if (path) return read(path, value, where);
    // Without a path, each attribute of the value is its own operation: so a complex value
    // such as `name` keeps the sub-attributes it does not name (RFC 7644 §3.5.2.1 and .3).
    if (!isObject(value)) {
      throw invalidValue(`${where}: without a path, the value must be an object of attributes`);
    }
    return Object.entries(value).flatMap(([key, inner]) => read(key, inner, `${where}.value`));
  });
}

const WRAPPED_ERROR = /\b[A-Za-z]*Error: /;

/** Applies the operations to a copy of the resource; the library's errors become SCIM's. */
export function applyPatch(resource: ScimResource, operations: PatchOperation[]): ScimResource {
  try {
    return scimPatch(structuredClone(resource) as never, operations as ScimPatchOperation[], {
      mutateDocument: true,
      treatMissingAsAdd: true,
    }) as ScimResource;
  } catch (error) {
    if (error instanceof PatchLibraryError) {
      // Its own refusals are worded for SCIM clients, but it also wraps its filter parser's
      // errors as text ("…invalid: Error: unexpected token…"), which is not for them.
      if (WRAPPED_ERROR.test(error.message)) {
        throw invalidFilter("a filter in an operation's path is not supported here");
      }
      const scimType = error.scimCode === "noTarget" ? "noTarget" : "invalidValue";
      throw new ScimError(400, scimType, error.message);
    }
    // A TypeError from a path that walks into a value of another shape: the request's fault.
    throw invalidValue("an operation does not fit this resource's attributes");
  }
}

/**
 * An extension's whole object (`urn:…:enterprise:2.0:User`) becomes one operation per
 * attribute in it (`urn:…:enterprise:2.0:User:organization`): the patch library reads a
 * path's last colon as the end of the URN.
 */
function expand(op: PatchOperation["op"], path: string, value: unknown): PatchOperation[] {
  if (!EXTENSIONS.has(path.toLowerCase()) || !isObject(value)) return [{ op, path, value }];
  return Object.entries(value).map(([key, inner]) => ({
    op,
    path: `${path}:${key}`,
    value: inner,
  }));
}

/**
 * The path with its names' usual case, or undefined when it names an attribute Tandem does
 * not keep, which is ignored. Only known names reach the patch library: it walks paths
 * through inherited properties, so `toString.x` would otherwise write onto a built-in.
 */
function canonicalPath(
  path: string,
  names: Map<string, string>,
  where: string,
): string | undefined {
  const trimmed = path.trim();
  const lower = trimmed.toLowerCase();
  const urn = [...names.values()].find((name) => {
    const known = name.toLowerCase();
    return known.startsWith("urn:") && (lower === known || lower.startsWith(`${known}:`));
  });
  if (urn && lower === urn.toLowerCase()) return urn;
  if (!urn && lower.startsWith("urn:")) return undefined;
  const local = urn ? trimmed.slice(urn.length + 1) : trimmed;
  const match = PATH.exec(local);
  if (!match?.[1] || FORBIDDEN_KEY.test(trimmed)) {
    throw invalidPath(`${where}.path "${path}" is not an attribute path`);
  }
  const [, attribute, filter, sub = ""] = match;
  if (filter !== undefined) {
    try {
      parseFilter(filter);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw invalidPath(`${where}.path "${path}": ${detail}`);
    }
  }
  const segments = [...attribute.split("."), ...sub.split(".").filter(Boolean)];
  const known = segments.map((segment) => names.get(segment.toLowerCase()));
  if (known.some((name) => name === undefined)) return undefined;
  const [first = "", second] = known;
  const head = attribute.includes(".") ? `${first}.${second}` : first;
  const tail = sub ? `.${known[known.length - 1]}` : "";
  const selector = filter === undefined ? "" : `[${filter}]`;
  return `${urn ? `${urn}:` : ""}${head}${selector}${tail}`;
}

/**
 * The patch library splits a value's attribute names on dots and walks them, inherited
 * properties included: a value's names must be plain names, never `a.b` or `__proto__`.
 */
function assertSafeValue(value: unknown, where: string, depth = 0): void {
  if (depth > 10) throw invalidValue(`${where}.value is nested too deeply`);
  if (Array.isArray(value)) {
    for (const item of value) assertSafeValue(item, where, depth + 1);
  } else if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      const name = key.slice(key.lastIndexOf(":") + 1);
      if (FORBIDDEN_KEY.test(key) || name.includes(".")) {
        throw invalidPath(`${where}.value has an attribute "${key}"`);
      }
      assertSafeValue(inner, where, depth + 1);
    }
  }
}
