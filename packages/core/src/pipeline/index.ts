export * from "./load.js";
export * from "./run.js";
