export * from "./csv.js";
export * from "./numbers.js";
