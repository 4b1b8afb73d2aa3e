export * from "./metrics.js";
export * from "./sensitivity.js";
export * from "./sobol.js";
export * from "./straight.js";
export * from "./sweep.js";
export * from "./tables.js";
