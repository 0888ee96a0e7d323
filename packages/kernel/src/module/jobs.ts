import type { Job } from "../scheduler/Job.js";
import type { TandemModule } from "./TandemModule.js";

/** A module's jobs, made from its config when it declares them as a function of it. */
export function jobsOf(module: Pick<TandemModule, "jobs">, config: object): readonly Job[] {
  const jobs = module.jobs ?? [];
  return typeof jobs === "function" ? jobs(config as never) : jobs;
}
