import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// Workspace packages are bundled from their TypeScript sources ("source"
// condition), so the app never needs a prior tsc build of @tieup/core.
export default defineConfig({
  base: "./",
  plugins: [react()],
  resolve: {
    conditions: ["source", ...defaultClientConditions],
    // core parses CSV tables with csv-parse/sync, whose Node build needs Buffer: use the package's own browser build.
    alias: { "csv-parse/sync": "csv-parse/browser/esm/sync" },
  },
  worker: { format: "es" },
  // The default scenario and its data live at the repository root.
  server: { fs: { allow: ["../.."] } },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
