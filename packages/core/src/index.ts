export * from "./evaluate/index.js";
export { buildModel, fxRate, type Model, toBase } from "./model.js";
export * from "./results/diff.js";
export * from "./results/table.js";
export * from "./schema/index.js";
export * from "./tariff/index.js";
export * from "./time/dates.js";
export * from "./time/periods.js";
