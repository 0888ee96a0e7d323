// The kernel's wire shapes, shared with the browser: zod and each other only, never a node module.
export * from "./app.js";
export * from "./text.js";
