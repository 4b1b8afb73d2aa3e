export * from "./json.js";
export * from "./results.js";
export * from "./scenario.js";
