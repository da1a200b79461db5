/**
 * Okabe & Ito's colour-blind-safe palette ("Color Universal Design", Okabe and Ito 2008,
 * https://jfly.uni-koeln.de/color/): distinguishable under protanopia, deuteranopia and tritanopia.
 * Every categorical colour in a report comes from here; meaning is also carried by labels, dashes
 * or position, never by colour alone.
 */
export const OKABE_ITO = Object.freeze({
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
});

/** Roles in reports, mapped once so every chart uses the same colour for the same thing. */
export const COLORS = Object.freeze({
  /** The main series (sessions, simulated values, recommended schedule). */
  primary: OKABE_ITO.blue,
  /** A lighter companion of the primary series (totals behind a part, CI bands). */
  primaryLight: OKABE_ITO.skyBlue,
  /** The reference or second series (Erlang answer, observed values, control). */
  secondary: OKABE_ITO.orange,
  /** Good outcomes (within target, significant improvement). */
  good: OKABE_ITO.bluishGreen,
  /** Bad outcomes (abandoned, over target, significant harm). */
  bad: OKABE_ITO.vermillion,
  /** Neutral marks (not significant, reference lines). */
  neutral: "#767676",
  /** Grid lines and rules. */
  rule: "#d0d0d0",
});

/** Sequential scheme for heatmaps: a single-hue ramp stays ordered for every colour vision. */
export const SEQUENTIAL_SCHEME = "blues";

/** Where on the sequential ramp (0–1) cell labels switch to white: "blues" is dark enough from here for 4.5:1. */
export const DARK_TEXT_FROM = 0.6;
