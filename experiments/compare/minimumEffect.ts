/**
 * Smallest relative change of the primary metric worth acting on, when the reader sets none: 1%.
 * An assumption, not a published figure: a change below it rarely repays the work of shipping and
 * maintaining it; a plausible range is 0.5% (a large store, a cheap change) to 5% (a small store, a
 * costly one). `report --min-effect` and `compare --min-effect` set it.
 */
export const DEFAULT_MINIMUM_RELATIVE_EFFECT = 0.01;
