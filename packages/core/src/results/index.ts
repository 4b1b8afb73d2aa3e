export * from "./define.js";
export * from "./diff.js";
export * from "./table.js";
