import type { TandemModule } from "@tandem/kernel";

/**
 * The modules this build of Tandem contains, in registration order.
 * Identity, docs, chat and the assistant join this list as they land.
 */
export const modules: TandemModule[] = [];
