export * from "./locate.js";
export * from "./memory.js";
export * from "./merge.js";
export * from "./parse.js";
export * from "./provenance.js";
export * from "./reserved.js";
export * from "./resolve.js";
export * from "./tables.js";
