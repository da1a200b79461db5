import type { RenderContext } from "./renderContext.ts";
import type { BodyOfKind, ReportBody, ReportKind } from "./reportDocument.ts";
import type { Section, SectionBuilder } from "./reportTypes.ts";
import {
  abandonmentSection,
  abTestPlanSection,
  calibrationSection,
  chatQueueSection,
  comparisonSection,
  daySection,
  decisionSection,
  funnelSection,
  liveDeskSection,
  methodologySection,
  staffingSection,
  syntheticCheckSection,
} from "./sections/index.ts";

/** Section builders per document kind, in page order. A new kind adds its entry here (the type demands one). */
export type SectionRegistry = { readonly [K in ReportKind]: readonly SectionBuilder<BodyOfKind<K>>[] };

/** The report's sections for each kind of results document. */
export const SECTION_BUILDERS: SectionRegistry = Object.freeze({
  store: [funnelSection, abandonmentSection, chatQueueSection, daySection, methodologySection],
  chatOnly: [chatQueueSection, daySection, methodologySection],
  comparison: [comparisonSection, abTestPlanSection],
  decision: [decisionSection],
  staffing: [staffingSection],
  calibration: [calibrationSection],
  syntheticCheck: [syntheticCheckSection],
  teamFigures: [liveDeskSection],
});

/** Runs every builder registered for the body's kind; sections that do not apply (null) are left out. */
export function buildSections(body: ReportBody, context: RenderContext, registry: SectionRegistry = SECTION_BUILDERS): Section[] {
  const builders = registry[body.kind] as readonly SectionBuilder<ReportBody>[];
  return builders.map((build) => build(body, context)).filter((section): section is Section => section !== null);
}
