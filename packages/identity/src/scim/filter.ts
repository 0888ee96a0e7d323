import { invalidFilter } from "./errors.js";

/**
 * SCIM filters (RFC 7644 §3.4.2.2), parsed by recursive descent into a small tree.
 *
 * Hand-written rather than taken from `scim2-parse-filter`: that parser doubles every
 * backslash in a string, so JSON escapes such as `\u00e9` or `\\` never match. Here string
 * values are JSON strings, except that a backslash before a character JSON cannot escape
 * stays a backslash: Entra ID sends `userName eq "DOMAIN\user"` unescaped.
 */
export type CompareOp = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";
export type CompareValue = string | number | boolean | null;

export type Filter =
  | { kind: "compare"; path: string; op: CompareOp; value: CompareValue }
  | { kind: "present"; path: string }
  | { kind: "and" | "or"; left: Filter; right: Filter }
  | { kind: "not"; filter: Filter }
  /** `emails[type eq "work"]`: the inner filter's paths are sub-attributes of `path`. */
  | { kind: "valuePath"; path: string; filter: Filter };

const COMPARE_OPS = new Set<string>(["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"]);
/** Long enough for any real query; bounds the recursion a hostile one could cause. */
export const MAX_FILTER_LENGTH = 4096;
const MAX_DEPTH = 64;
/** `[urn:…:]name[.sub]`; attribute names start with a letter (RFC 7643 §2.1), `$ref` aside. */
const ATTRIBUTE_PATH = /^(?:(urn:[\w.:-]+):)?([A-Za-z$][\w$-]*)(?:\.([A-Za-z$][\w$-]*))?$/;

type Token =
  | { type: "word"; text: string; at: number }
  | { type: "string"; value: string; at: number }
  | { type: "number"; value: number; at: number }
  | { type: "punct"; text: "(" | ")" | "[" | "]"; at: number }
  | { type: "end"; at: number };

/** Parses a filter; throws `invalidFilter` naming what is wrong and where. */
export function parseFilter(text: string): Filter {
  if (text.length > MAX_FILTER_LENGTH) {
    throw invalidFilter(`the filter is longer than ${MAX_FILTER_LENGTH} characters`);
  }
  const parser = new Parser(tokenize(text));
  const filter = parser.orExpression(0, false);
  parser.expectEnd();
  return filter;
}

/** An attribute path's parts, lower-cased (SCIM attribute names are case-insensitive). */
export function splitPath(path: string): { urn?: string; name: string; sub?: string } {
  const match = ATTRIBUTE_PATH.exec(path);
  if (!match?.[2]) throw invalidFilter(`"${path}" is not an attribute path`);
  return {
    urn: match[1]?.toLowerCase(),
    name: match[2].toLowerCase(),
    sub: match[3]?.toLowerCase(),
  };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "(" || c === ")" || c === "[" || c === "]") {
      tokens.push({ type: "punct", text: c, at: i });
      i += 1;
    } else if (c === '"') {
      const { value, next } = readString(text, i);
      tokens.push({ type: "string", value, at: i });
      i = next;
    } else {
      const word = /^[^\s()[\]"]+/.exec(text.slice(i))?.[0] ?? c;
      const number = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(word) ? Number(word) : undefined;
      tokens.push(
        number !== undefined && Number.isFinite(number)
          ? { type: "number", value: number, at: i }
          : { type: "word", text: word, at: i },
      );
      i += word.length;
    }
  }
  tokens.push({ type: "end", at: text.length });
  return tokens;
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

function readString(text: string, start: number): { value: string; next: number } {
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') return { value, next: i + 1 };
    if (c !== "\\") {
      value += c;
      i += 1;
      continue;
    }
    const escaped = text[i + 1] ?? "";
    const hex = /^u([0-9a-fA-F]{4})/.exec(text.slice(i + 1))?.[1];
    if (hex) {
      value += String.fromCharCode(Number.parseInt(hex, 16));
      i += 6;
    } else if (escaped in ESCAPES) {
      value += ESCAPES[escaped];
      i += 2;
    } else {
      value += "\\";
      i += 1;
    }
  }
  throw invalidFilter(`the string starting at character ${start + 1} is not closed`);
}

class Parser {
  readonly #tokens: Token[];
  #at = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  orExpression(depth: number, inValuePath: boolean): Filter {
    let left = this.andExpression(depth, inValuePath);
    while (this.#keyword("or"))
      left = { kind: "or", left, right: this.andExpression(depth, inValuePath) };
    return left;
  }

  expectEnd(): void {
    const token = this.#peek();
    if (token.type !== "end") throw this.#unexpected(token, "the end of the filter");
  }

  andExpression(depth: number, inValuePath: boolean): Filter {
    let left = this.unary(depth, inValuePath);
    while (this.#keyword("and"))
      left = { kind: "and", left, right: this.unary(depth, inValuePath) };
    return left;
  }

  unary(depth: number, inValuePath: boolean): Filter {
    if (depth > MAX_DEPTH) throw invalidFilter("the filter is nested too deeply");
    if (this.#keyword("not")) {
      this.#punct("(");
      const filter = this.orExpression(depth + 1, inValuePath);
      this.#punct(")");
      return { kind: "not", filter };
    }
    if (this.#peekPunct("(")) {
      this.#punct("(");
      const filter = this.orExpression(depth + 1, inValuePath);
      this.#punct(")");
      return filter;
    }
    const token = this.#next();
    if (token.type !== "word") throw this.#unexpected(token, "an attribute name");
    const path = token.text;
    splitPath(path);
    if (this.#peekPunct("[")) {
      if (inValuePath) throw invalidFilter(`"${path}[" cannot be nested in another "[…]"`);
      this.#punct("[");
      const filter = this.orExpression(depth + 1, true);
      this.#punct("]");
      return { kind: "valuePath", path, filter };
    }
    const operator = this.#next();
    const op = operator.type === "word" ? operator.text.toLowerCase() : "";
    if (op === "pr") return { kind: "present", path };
    if (!COMPARE_OPS.has(op)) throw this.#unexpected(operator, `an operator after "${path}"`);
    return { kind: "compare", path, op: op as CompareOp, value: this.#value() };
  }

  #value(): CompareValue {
    const token = this.#next();
    if (token.type === "string" || token.type === "number") return token.value;
    if (token.type === "word") {
      const literal = token.text.toLowerCase();
      if (literal === "true") return true;
      if (literal === "false") return false;
      if (literal === "null") return null;
    }
    throw this.#unexpected(token, 'a value (a "string", a number, true, false or null)');
  }

  #peek(): Token {
    return this.#tokens[this.#at] ?? { type: "end", at: 0 };
  }

  #next(): Token {
    const token = this.#peek();
    if (token.type !== "end") this.#at += 1;
    return token;
  }

  #keyword(word: string): boolean {
    const token = this.#peek();
    if (token.type !== "word" || token.text.toLowerCase() !== word) return false;
    this.#at += 1;
    return true;
  }

  #peekPunct(text: string): boolean {
    const token = this.#peek();
    return token.type === "punct" && token.text === text;
  }

  #punct(text: string): void {
    const token = this.#next();
    if (token.type !== "punct" || token.text !== text) throw this.#unexpected(token, `"${text}"`);
  }

  #unexpected(token: Token, expected: string) {
    const found =
      token.type === "end"
        ? "the end of the filter"
        : `"${token.type === "word" || token.type === "punct" ? token.text : String(token.value)}" at character ${token.at + 1}`;
    return invalidFilter(`expected ${expected} but found ${found}`);
  }
}
