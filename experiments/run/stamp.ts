import { VERSION } from "./version.ts";

/** What every result file carries so it can be traced and reproduced. */
export interface RunStamp {
  tool: "convsim";
  version: string;
  command: string;
  scenario: string;
  scenarioPath: string | null;
  scenarioHash: string;
  seed: string | number;
  /** ISO time the run finished (wall clock, injected by the caller: experiments never read the clock). */
  generatedAt: string;
  runSeconds: number;
  /** Command line that reproduces the run. */
  reproduce: string;
}

export interface StampInput {
  command: string;
  scenario: string;
  scenarioPath: string | null;
  scenarioHash: string;
  seed: string | number;
  generatedAt: string;
  runSeconds: number;
  reproduce: string;
}

/** Builds the stamp for a result file. */
export function makeStamp(input: StampInput): RunStamp {
  return { tool: "convsim", version: VERSION, ...input };
}
