import { describe, expect, it } from "vitest";
import type { Job } from "../scheduler/Job.js";
import { jobsOf } from "./jobs.js";

const job = (name: string, everyMs: number): Job => ({ name, everyMs, run: async () => {} });

describe("jobsOf", () => {
  it("takes a module's list as it is, and none when it declares none", () => {
    const jobs = [job("m.a", 1000)];
    expect(jobsOf({ jobs }, {})).toBe(jobs);
    expect(jobsOf({}, {})).toEqual([]);
  });

  it("makes them from the module's config when they depend on it", () => {
    const jobs = (config: { everySeconds: number }) => [job("m.a", config.everySeconds * 1000)];
    expect(jobsOf({ jobs: jobs as never }, { everySeconds: 5 })).toEqual([
      expect.objectContaining({ name: "m.a", everyMs: 5000 }),
    ]);
  });
});
