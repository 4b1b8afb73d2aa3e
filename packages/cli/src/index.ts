export { InputError, loadScenario, nodeReader } from "./load.js";
