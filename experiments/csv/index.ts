export { formatCsv, unescapeFormula } from "./formatCsv.ts";
