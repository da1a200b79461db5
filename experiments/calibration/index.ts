export { FUNNEL_CSV_HEADER, FUNNEL_KINDS, formatFunnelCsv, parseFunnelCsv, type FunnelKind, type FunnelRow } from "./funnelCsv.ts";
