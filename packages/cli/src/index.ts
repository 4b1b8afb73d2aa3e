export { type FuzzReport, fuzzScenario } from "./fuzz/fuzz.js";
export { InputError } from "./io/errors.js";
export { nodeReader } from "./io/files.js";
export { loadScenario } from "./scenario/load.js";
