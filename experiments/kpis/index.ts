export { CLASS_KPIS, DEFAULT_GUARDRAILS, KPI_KEYS, KPIS, type KpiDefinition, type KpiUnit, kpi } from "./kpis.ts";
