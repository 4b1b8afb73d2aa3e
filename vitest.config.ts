import { defineConfig } from "vitest/config";

// Tests import workspace packages from their TypeScript sources (the "source"
// export condition), so no build is needed before `vitest`.
export default defineConfig({
  resolve: { conditions: ["source"] },
  test: {
    include: ["packages/*/test/**/*.test.{ts,tsx}"],
    pool: "threads",
    maxWorkers: 2,
  },
});
