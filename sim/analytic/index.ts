export { DEFAULT_TARGET_SECONDS } from "./defaults.ts";
export { erlangB } from "./erlangB.ts";
export { erlangC } from "./erlangC.ts";
export { erlangCMetrics, type ErlangCInput, type ErlangCResult } from "./erlangCMetrics.ts";
export { mmck, type MMCKInput, type MMCKResult } from "./mmck.ts";
export { erlangA, type ErlangAInput, type ErlangAResult } from "./erlangA.ts";
export { requiredAgents, type StaffingTarget, type StaffingInput, type StaffingResult } from "./requiredAgents.ts";
