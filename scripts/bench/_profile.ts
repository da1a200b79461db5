import { resolveMmcOptions } from "./resolveMmcOptions.ts";
import { runEngineMmc } from "./runEngineMmc.ts";
const o = resolveMmcOptions({ customers: 1_000_000 });
runEngineMmc(resolveMmcOptions({ customers: 200_000 }), "run");
for (let i = 0; i < 2; i++) runEngineMmc(o, (process.argv[2] ?? "run") as "run");
