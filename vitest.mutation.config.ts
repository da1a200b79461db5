import { defineConfig } from "vitest/config";

// The tests a mutant can be killed by: the unit and model tests of the mutated folders (what
// `npm run mutation` mutates), without browsers, Redis, child processes or the long fuzzers, whose
// minutes per run would be paid once per mutant. Stryker runs only the tests related to each file.
// MUTATION_TESTS narrows the suite further while working on one folder (comma-separated globs, e.g.
// MUTATION_TESTS='sim/policy/**/*.test.ts'): every mutant then pays only those tests, not the
// simulator's model runs that happen to import the mutated file.
const narrowed = process.env.MUTATION_TESTS?.split(",").filter((glob) => glob.trim() !== "");
export default defineConfig({
  test: {
    include: narrowed?.length
      ? narrowed
      : [
          "sim/**/*.test.ts",
          "experiments/compare/**/*.test.ts",
          "experiments/staffing/**/*.test.ts",
          "experiments/stats/**/*.test.ts",
          "scripts/synthetic/checks/moneyCheck.test.ts",
          "scripts/synthetic/checks/predictInvitations.test.ts",
          "scripts/synthetic/checks/chatPolicyCheck.test.ts",
        ],
    exclude: ["node_modules/**", "**/*.e2e.test.ts", "**/*.browser.*", "**/*Fuzz*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
