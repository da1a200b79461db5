import { DEFAULT_DATA_DIRECTORY } from "../store/storeOptions.ts";

/** `exportFunnel`'s flags: loaded for its --help without the command's own dependencies. */
export const exportFunnelArgs = {
  data: { type: "string", description: `the store's data folder (default ${DEFAULT_DATA_DIRECTORY})` },
  out: { type: "string", description: "write the CSV to this file instead of stdout" },
  scenario: { type: "string", description: "take the checkout steps from this scenario (default: the steps the store last ran with)" },
} as const;
