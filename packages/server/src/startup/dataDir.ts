import { access, constants, mkdir, rm, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { ConfigError } from "@tandem/kernel";

export interface DataDir {
  path: string;
  /** True when this start created the folder: a failed first start then removes it again. */
  created: boolean;
  undo(): Promise<void>;
}

/** Makes sure the data folder exists and is writable, remembering whether we made it. */
export async function prepareDataDir(dir: string): Promise<DataDir> {
  const path = resolve(dir);
  let created = false;
  try {
    const info = await stat(path);
    if (!info.isDirectory()) throw new ConfigError(`TANDEM_DATA_DIR ${path} is not a folder`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    await mkdir(path, { recursive: true });
    created = true;
  }
  try {
    await access(path, constants.W_OK);
  } catch {
    throw new ConfigError(`TANDEM_DATA_DIR ${path} is not writable`);
  }
  return {
    path,
    created,
    undo: async () => {
      if (created) await rm(path, { recursive: true, force: true });
    },
  };
}
