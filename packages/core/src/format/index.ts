export * from "./csv.js";
export * from "./numbers.js";
export * from "./shown.js";
