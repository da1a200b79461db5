import packageJson from "../../package.json" with { type: "json" };

/** The toolkit's version, stamped on every result. */
export const VERSION: string = packageJson.version;
