export { runTandemCli } from "./commands/program.js";
export { parseConfig, slices, type TandemConfig } from "./config.js";
export { createModules } from "./modules.js";
export { type RunningTandem, type StartOptions, startTandem } from "./startup/startTandem.js";
export { openStorage, type Storage } from "./storage.js";
export { VERSION } from "./version.js";
