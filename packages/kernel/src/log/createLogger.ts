import { type Logger, pino } from "pino";
import type { KernelConfig } from "../config/kernelConfig.js";

export type { Logger };

/**
 * JSON lines in production (what log collectors parse); readable lines on a terminal.
 * `auto` decides from whether stdout is a TTY, so `npm start` on a laptop is readable
 * and the same build under systemd or Kubernetes logs JSON.
 */
export function createLogger(config: Pick<KernelConfig, "logLevel" | "logFormat">): Logger {
  const pretty =
    config.logFormat === "pretty" || (config.logFormat === "auto" && process.stdout.isTTY === true);
  return pino({
    level: config.logLevel,
    base: { pid: process.pid },
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
      censor: "[redacted]",
    },
    ...(pretty
      ? {
          transport: {
            target: "pino-pretty",
            options: { colorize: true, translateTime: "HH:MM:ss.l", ignore: "pid,hostname" },
          },
        }
      : {}),
  });
}
