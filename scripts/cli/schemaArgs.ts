/** `schema`'s flags: loaded for its --help without the command's own dependencies. */
export const schemaArgs = { out: { type: "string", description: "write the JSON Schema to this file instead of stdout" } } as const;
