import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { InputError } from "../io/errors.js";
import { printIssues } from "../io/output.js";
import { scenarioPayload } from "../serve/payload.js";
import { type Served, startServer, webAppDir } from "../serve/server.js";

/** Adds the `serve` command(s) to the program. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("open the web workspace on 127.0.0.1 with the scenario loaded: charts, map, deal, compare and the YAML, driven by controls")
    .argument("[scenario]", "scenario file (default: the built-in scenario)")
    .option("--port <n>", "port to listen on (0 picks a free one)", parsePort, 5174)
    .option("--allow-host <name>", "also answer requests whose Host header is this name (repeatable); loopback names only by default", collectHosts, [])
    .action((scenario: string | undefined, opts: { port: number; allowHost: string[] }) => serveCommand(scenario, opts));
}

function collectHosts(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("a port is a whole number from 0 to 65535");
  return n;
}

/** Until Ctrl-C (or `until` settles, for tests): serves the app and the scenario, then closes. */
export async function serveCommand(
  scenario: string | undefined,
  opts: { port: number; allowHost?: string[] },
  until: Promise<unknown> = interrupted(),
  root = webAppDir(),
): Promise<void> {
  const { loaded, payload } = scenarioPayload(scenario);
  printIssues(loaded.issues.filter((i) => i.severity === "warning"));
  if (!existsSync(join(root, "index.html")))
    throw new InputError([
      { severity: "error", path: "(web app)", message: "the web app is not built", suggestion: "run `npm run build` at the repository root" },
    ]);
  let served: Served;
  try {
    served = await startServer(root, payload, opts.port, opts.allowHost ?? []);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([
      {
        severity: "error",
        path: "--port",
        message: `cannot listen on 127.0.0.1:${opts.port} (${code ?? (e as Error).message})`,
        suggestion: "pick another port, e.g. --port 0",
      },
    ]);
  }
  process.stdout.write(`tieup workspace for ${loaded.scenario.id} at ${served.url}\nPress Ctrl-C to stop.\n`);
  await until;
  await served.close();
}

function interrupted(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
