/**
 * Colour-blind-safe categorical palette: Okabe & Ito's eight colours (black
 * last) followed by four of Paul Tol's "muted" scheme for long lists of
 * measures. Neighbours stay distinguishable under protanopia, deuteranopia
 * and tritanopia.
 */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#332288", "#44AA99", "#882255", "#999933", "#000000"];

/** Before/after pairs: a light and a dark tone that differ in lightness, not only in hue. */
export const BEFORE = "#9ecae1";
export const AFTER = "#0072B2";
export const HOST = "#D55E00";
export const CLIENT = "#0072B2";
export const ZONE = "#009E73";
