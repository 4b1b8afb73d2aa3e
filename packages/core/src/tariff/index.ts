export * from "./basis.js";
export * from "./schedule.js";
export * from "./slot.js";
export * from "./stacking.js";
