export { COLLAB_PATH } from "./collab/CollabServer.js";
export { CLOSE } from "./collab/context.js";
export { docsOptions } from "./config.js";
export { createDocsModule } from "./docsModule.js";
export { docsMigrations } from "./storage/migrations.js";
export { DOCS_API } from "./wire/index.js";
