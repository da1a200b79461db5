import { defineCommand } from "citty";
import { scenarioJsonSchema } from "../../experiments/index.ts";
import { rejectUnknownOptions } from "./options.ts";
import { printNext } from "./printNext.ts";
import { schemaArgs as args } from "./schemaArgs.ts";
import { checkOutputPaths, writeFileAtomic } from "./writeFileAtomic.ts";

/** `schema`: the scenario format as JSON Schema, for editors. */
export const schemaCommand = defineCommand({
  meta: { name: "schema" },
  args,
  run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    checkOutputPaths(parsed.out);
    const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    if (parsed.out) {
      writeFileAtomic(parsed.out, text);
      process.stdout.write(`JSON Schema written to ${parsed.out}\n`);
    } else process.stdout.write(text);
    printNext("add `# yaml-language-server: $schema=<path>/scenario.schema.json` to a scenario for autocompletion");
  },
});
