export * from "./check.js";
export * from "./fit.js";
export * from "./measure.js";
export * from "./residual.js";
export * from "./targets.js";
