import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["sim/**/*.test.ts", "experiments/**/*.test.ts", "reports/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["node_modules/**", "reports/out/**"],
    // Statistical validation tests run real simulations; give them room on a 2-core machine.
    testTimeout: 120_000,
    // Vitest's default is one worker per core less one: a single worker on a 2-core machine, which
    // leaves a core idle while child-process tests wait. Two at least (in forks, the default pool).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 120_000,
  },
});
