import type { Browser } from "playwright-core";
import type { LoadedScenario } from "../../experiments/index.ts";
import type { PersonaSpec } from "./persona/PersonaSpec.ts";
import type { PersonaModelOptions } from "./persona/samplePersona.ts";
import type { StoreProfile } from "./profiles/loadProfile.ts";

/** Personas per run unless told. */
export const DEFAULT_PERSONAS = 6;
/**
 * Personas (browser tabs) at once unless told. Against the local demo store a run is CPU-bound:
 * on 2 cores one persona at a time already keeps about 1.6 cores busy (Chromium's processes work
 * in parallel) and 1, 2, 3 or 4 at once finish about as many personas per minute (measured,
 * scripts/synthetic/README.md#speed). Two is the default because a remote store's pages wait on the
 * network, and then a second tab uses the time the first one waits.
 */
export const DEFAULT_CONCURRENCY = 2;
/** Where screenshots and traces of failures go (relative to the working directory; reports/out is git-ignored). */
export const DEFAULT_ARTIFACTS_DIRECTORY = "reports/out/check-artifacts";
/** Failure screenshots embedded in the results for the report, at most. */
export const MAX_FAILURE_IMAGES = 8;
/** …and at most this many per check (the same failure on every persona needs one or two pictures). */
export const MAX_FAILURE_IMAGES_PER_CHECK = 2;
/** A thumbnail larger than this (bytes of data: URI) is left out of the results. */
export const MAX_FAILURE_IMAGE_BYTES = 200_000;

/** What a synthetic check run may be told; everything is optional. */
export interface CheckOptions {
  /** Store profile file, or "demo" (default): the built-in profile and a demo store started for the run. */
  store?: string;
  /** A profile already loaded (tests); replaces `store`'s file, its baseUrl is used as is. */
  profile?: StoreProfile;
  /** Scenario: shopper model, the policy under check, the demo store's catalog and prices. */
  scenarioPath?: string;
  scenario?: LoadedScenario;
  /** Policy file replacing the scenario's chat.policy (the demo store runs it too). */
  policyPath?: string;
  personas?: number;
  concurrency?: number;
  seed?: string | number;
  /** Run only these personas of the run (ids such as persona3), with the run's seed. */
  replay?: readonly string[];
  /** Explicit personas instead of sampled ones (tests, custom scripts). */
  specs?: readonly PersonaSpec[];
  artifactsDir?: string;
  /** Overrides the profile's retries. */
  retries?: number;
  /** Overrides the profile's chat.toleranceSeconds. */
  toleranceSeconds?: number;
  model?: PersonaModelOptions;
  /** Record a Playwright trace per persona (kept for personas with a failed or flaky check); default true. */
  trace?: boolean;
  /** A running Chromium to use (left open); default: one launched for the run. */
  browser?: Browser;
  /** Aborting stops the run: no new personas start, running ones stop; what completed is reported. */
  signal?: AbortSignal;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Wall clock in ms (the personas' browser clocks start here); default Date.now. */
  now?: () => number;
}
