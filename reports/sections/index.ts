export { funnelSection } from "./funnelSection.ts";
export { abandonmentSection } from "./abandonmentSection.ts";
export { chatQueueSection, waitBuckets } from "./chatQueueSection.ts";
export { daySection } from "./daySection.ts";
export { comparisonSection, effectOf } from "./comparisonSection.ts";
export { staffingSection } from "./staffingSection.ts";
export { calibrationSection } from "./calibrationSection.ts";
export { syntheticCheckSection } from "./syntheticCheckSection.ts";
export { abTestPlanSection } from "./abTestPlanSection.ts";
