export { PUBLISHED_FIGURES, publishedFigure, type PublishedFigure } from "./publishedFigures.ts";
export { CHAT_LIFT_TARGET, PARAMETER_SOURCES, citation, covers, sourceOf, splitPath, type ParameterSource, type SourceKind } from "./parameterSources.ts";
export { methodologyNotes, parameterEvidence, type CitedFigure, type ParameterEvidence } from "./parameterEvidence.ts";
