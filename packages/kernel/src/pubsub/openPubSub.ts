import type { Logger } from "pino";
import type { KernelConfig } from "../config/kernelConfig.js";
import { MemoryPubSub } from "./MemoryPubSub.js";
import type { PubSub } from "./PubSub.js";
import { RedisPubSub } from "./RedisPubSub.js";

/** Redis when a URL is configured, otherwise in-process. */
export function openPubSub(
  config: Pick<KernelConfig, "redisUrl" | "redisPrefix">,
  log?: Logger,
): Promise<PubSub> {
  return config.redisUrl
    ? RedisPubSub.connect(config.redisUrl, config.redisPrefix, log)
    : Promise.resolve(new MemoryPubSub());
}
