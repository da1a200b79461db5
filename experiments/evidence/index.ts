export { type CitedFigure, methodologyNotes, type ParameterEvidence, parameterEvidence } from "./parameterEvidence.ts";
export { CHAT_LIFT_TARGET, citation, covers, PARAMETER_SOURCES, type ParameterSource, type SourceKind, sourceOf, splitPath } from "./parameterSources.ts";
export { PUBLISHED_FIGURES, type PublishedFigure, publishedFigure } from "./publishedFigures.ts";
