import { useEffect, useState } from "react";
import { type AppEntry, fetchApps } from "../api/client";

/** The enabled apps; empty while loading and when the list cannot be fetched. */
export function useApps(): AppEntry[] {
  const [apps, setApps] = useState<AppEntry[]>([]);
  useEffect(() => {
    let cancelled = false;
    fetchApps().then(
      (list) => {
        if (!cancelled) setApps(list);
      },
      (error: unknown) => {
        // The shell stays usable without apps, so a failure only deserves a console trace.
        console.warn("Could not load the app list", error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return apps;
}
