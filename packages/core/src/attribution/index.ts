export * from "./bridge.js";
export * from "./fx.js";
export * from "./summary.js";
export * from "./tables.js";
