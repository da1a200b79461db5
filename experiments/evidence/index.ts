export { PUBLISHED_FIGURES, publishedFigure, type PublishedFigure } from "./publishedFigures.ts";
