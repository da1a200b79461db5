import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["sim/**/*.test.ts", "experiments/**/*.test.ts", "reports/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["node_modules/**", "reports/out/**"],
    // Statistical validation tests run real simulations; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
