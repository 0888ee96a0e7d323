// The docs API's wire shapes, shared by the server (validation, OpenAPI) and the web app
// (parsing answers). Browser-safe: zod and each other only, never a node module.
export * from "./abilities.js";
export * from "./accesses.js";
export * from "./admin.js";
export * from "./audit.js";
export * from "./comments.js";
export * from "./documents.js";
export * from "./enums.js";
export * from "./exchange.js";
export * from "./search.js";
export * from "./versions.js";
