import type { RawBuilder, SqlBool } from "kysely";
import { invalidValue } from "./errors.js";
import { type Filter, parseFilter, splitPath } from "./filter.js";
import { type AttributeMap, filterToSql } from "./filterSql.js";
import { type Projection, parseAttributeList } from "./presenters.js";
import type { PageQuery } from "./ScimStore.js";

/** The most resources one page holds, as ServiceProviderConfig's `filter.maxResults` says. */
export const MAX_RESULTS = 200;
const DEFAULT_COUNT = 100;

/** What a resource type lets a query filter and sort on. */
export interface QueryableType {
  coreUrn: string;
  urns: string[];
  filters: AttributeMap;
  sorts: Record<string, RawBuilder<unknown>>;
}

export interface ListQuery {
  page: PageQuery;
  /** 1-based, as the ListResponse repeats it. */
  startIndex: number;
  projection: Projection;
  filter?: Filter;
}

/**
 * Reads `filter`, `startIndex`, `count`, `sortBy`, `sortOrder`, `attributes` and
 * `excludedAttributes` (RFC 7644 §3.4.2). Out-of-range numbers are brought in range as
 * the RFC says; what cannot be read is a 400.
 */
export function parseListQuery(query: unknown, type: QueryableType): ListQuery {
  const params = (query ?? {}) as Record<string, unknown>;
  const text = (name: string): string | undefined => {
    const value = params[name];
    if (value === undefined) return undefined;
    if (typeof value !== "string") throw invalidValue(`"${name}" is given more than once`);
    return value;
  };
  // "A value less than 1 SHALL be interpreted as 1", "a negative value SHALL be interpreted as 0".
  const startIndex = Math.max(1, integer(text("startIndex"), "startIndex") ?? 1);
  const count = Math.min(
    MAX_RESULTS,
    Math.max(0, integer(text("count"), "count") ?? DEFAULT_COUNT),
  );
  const filterText = text("filter");
  const filter = filterText?.trim() ? parseFilter(filterText) : undefined;
  const where: RawBuilder<SqlBool> | undefined = filter
    ? filterToSql(filter, type.filters, type.coreUrn)
    : undefined;
  const sortOrder = text("sortOrder")?.toLowerCase() ?? "ascending";
  if (sortOrder !== "ascending" && sortOrder !== "descending") {
    throw invalidValue('"sortOrder" is "ascending" or "descending"');
  }
  const sortBy = text("sortBy");
  const sort = sortBy?.trim()
    ? { column: sortColumn(sortBy.trim(), type), descending: sortOrder === "descending" }
    : undefined;
  return {
    page: { where, sort, offset: startIndex - 1, limit: count },
    startIndex,
    filter,
    projection: {
      attributes: parseAttributeList(text("attributes"), type.urns),
      excludedAttributes: parseAttributeList(text("excludedAttributes"), type.urns),
    },
  };
}

/** The `attributes`/`excludedAttributes` of a request for one resource. */
export function parseProjection(query: unknown, type: Pick<QueryableType, "urns">): Projection {
  const params = (query ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof params[name] === "string" ? params[name] : undefined);
  return {
    attributes: parseAttributeList(text("attributes"), type.urns),
    excludedAttributes: parseAttributeList(text("excludedAttributes"), type.urns),
  };
}

function sortColumn(path: string, type: QueryableType): RawBuilder<unknown> {
  let parts: ReturnType<typeof splitPath>;
  try {
    parts = splitPath(path);
  } catch {
    throw invalidValue(`cannot sort by "${path}"`);
  }
  const key = parts.sub ? `${parts.name}.${parts.sub}` : parts.name;
  const column =
    parts.urn && parts.urn !== type.coreUrn.toLowerCase() ? undefined : type.sorts[key];
  if (!column) throw invalidValue(`cannot sort by "${path}"`);
  return column;
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw invalidValue(`"${name}" must be a whole number`);
  return number;
}
