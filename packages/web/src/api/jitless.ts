import { z } from "zod";

// zod compiles object parsers with `new Function` when eval is allowed, and probes for it as
// each object schema is built. The CSP forbids eval, and even the caught probe is reported as
// a violation: this module is imported first (main.tsx), before any wire schema is built.
// Parsing without compiling is fast enough for API answers.
z.config({ jitless: true });
