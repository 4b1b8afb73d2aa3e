export * from "./analysis.js";
export * from "./bargaining.js";
export * from "./deal-value.js";
export * from "./evaluations.js";
export * from "./market.js";
export * from "./net-income.js";
export * from "./npv.js";
export * from "./tables.js";
