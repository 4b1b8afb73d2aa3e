export * from "./headline.js";
export * from "./impact.js";
export * from "./window.js";
