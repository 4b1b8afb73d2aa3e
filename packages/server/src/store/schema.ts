/** The tables of a workspace store, the same in SQLite and PostgreSQL (migrations.ts creates them). */
export interface Database {
  scenarios: ScenarioRow;
  versions: VersionRow;
  runs: RunRow;
  tokens: TokenRow;
}

export interface ScenarioRow {
  id: string;
  title: string;
  /** The number of the latest version: versions 1..head exist. */
  head: number;
  created_at: string;
  updated_at: string;
}

/** One immutable version: the whole set of files, never updated once written. */
export interface VersionRow {
  scenario_id: string;
  number: number;
  entry: string;
  /** JSON object of POSIX path → text. */
  files: string;
  /** sha256 of `entry` and `files`, checked on every read: a torn write cannot pass for a version. */
  checksum: string;
  message: string;
  created_at: string;
}

export interface RunRow {
  id: string;
  scenario_id: string;
  version: number;
  kind: string;
  /** JSON of the run's parameters. */
  params: string;
  status: string;
  progress: number;
  /** JSON of the result, once done. */
  result: string | null;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface TokenRow {
  id: string;
  name: string;
  scope: string;
  /** sha256 of the secret: the secret itself is shown once and never stored. */
  hash: string;
  created_at: string;
  revoked_at: string | null;
}
