export { KPIS, KPI_KEYS, DEFAULT_GUARDRAILS, kpi, type KpiDefinition, type KpiUnit } from "./kpis.ts";
