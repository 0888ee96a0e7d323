import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// During `vite dev` the API lives on the Tandem server; proxying keeps the app same-origin,
// as it is in production, so cookies and the CSP behave the same.
const devApiTarget = process.env.TANDEM_DEV_API ?? "http://localhost:8080";

export default defineConfig({
  base: "/",
  plugins: [react()],
  // `@tandem/<module>/wire` (the server's wire shapes, zod only) is compiled from its sources,
  // as the tests read it: the app never waits on, or bundles a stale copy of, a package build.
  resolve: { conditions: ["tandem-source", ...defaultClientConditions] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Inlined assets would become data: URIs; the CSP allows them for images only.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than Tandem itself; separate chunks stay cached across
        // releases that only touch our code.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: "mantine", test: /node_modules[\\/]@mantine[\\/]/ },
            { name: "vendor", test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": { target: devApiTarget, changeOrigin: false } },
  },
});
