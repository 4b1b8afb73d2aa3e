export { type Access, hostName, isLoopback, LOOPBACK_HOSTS } from "./api/access.js";
export { createApp, parseEtag } from "./api/app.js";
export { execute, type Job, RUN_KINDS, RUN_PARAMS, type RunKind } from "./jobs/kinds.js";
export { JobRunner } from "./jobs/runner.js";
export { engineOf, redact } from "./store/open.js";
export { checksum, type Files, type RunInfo, type Scope, Store, StoreConflict, type Version, type VersionInfo } from "./store/store.js";
export { openWorkspace, seedScenario, type Workspace, type WorkspaceOptions } from "./workspace.js";
