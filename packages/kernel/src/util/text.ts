// The text helper is a wire shape's building block, shared with the browser: see wire/text.ts.
export { text, withoutControlCharacters } from "../wire/text.js";
