export { DEFAULT_TARGET_SECONDS } from "./defaults.ts";
export { type ErlangAInput, type ErlangAResult, erlangA } from "./erlangA.ts";
export { erlangB } from "./erlangB.ts";
export { erlangC } from "./erlangC.ts";
export { type ErlangCInput, type ErlangCResult, erlangCMetrics } from "./erlangCMetrics.ts";
export { type MMCKInput, type MMCKResult, mmck } from "./mmck.ts";
export { requiredAgents, type StaffingInput, type StaffingResult, type StaffingTarget } from "./requiredAgents.ts";
