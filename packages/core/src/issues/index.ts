export * from "./issue.js";
