import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { optimizeScenario, proven } from "@tieup/optimize";
import { afterEach, describe, expect, it } from "vitest";
import { parseDocument, stringify } from "yaml";
import { renderOptimize } from "../src/optimize/report.js";
import { loadScenario } from "../src/scenario/load.js";
import { startServer } from "../src/serve/server.js";
import { runCli } from "./run-cli.js";

const scenarios = fileURLToPath(new URL("../../../scenarios/", import.meta.url));
const data = fileURLToPath(new URL("../../../data/model/", import.meta.url));
const defaultText = readFileSync(join(scenarios, "nissan-honda-us.yaml"), "utf8");
const written: string[] = [];

/** A variant of the default scenario beside it (so its relative tables resolve), removed after the test. */
// biome-ignore lint/suspicious/noExplicitAny: a test edits the parsed YAML at any depth.
type Doc = Record<string, any>;

function variant(name: string, edit: (doc: Doc) => void): string {
  const doc = parseDocument(defaultText).toJS() as Doc;
  edit(doc);
  const file = join(scenarios, `.hardening-${name}.yaml`);
  writeFileSync(file, stringify(doc));
  written.push(file);
  return file;
}

function beside(name: string, text: string): string {
  const file = join(scenarios, name);
  writeFileSync(file, text);
  written.push(file);
  return file;
}

afterEach(() => {
  for (const f of written.splice(0)) rmSync(f, { force: true });
});

describe("crashes found by fuzzing are bad input with a path", () => {
  it("a plant a closure names is itself invalid", async () => {
    const file = variant("closure-plant", (d) => {
      const civac = d.plants.find((p: { id: string }) => p.id === "civac");
      civac.currency = "US";
    });
    const r = await runCli("validate", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("plants[4].currency (civac)");
    expect(r.stderr).not.toContain("internal error");
  });

  it("a market written as a string where the demand table fills it", async () => {
    const file = variant("market-string", (d) => {
      d.programs[6].markets.us = "x";
    });
    const r = await runCli("validate", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("programs[6].markets.us");
    expect(r.stderr).not.toContain("internal error");
  });

  it("a capacity whose unit has the wrong type", async () => {
    for (const unit of [5, true, { a: 1 }, null]) {
      const file = variant("capacity-unit", (d) => {
        d.plants[0].capacity.unit = unit;
      });
      const r = await runCli("validate", file);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("plants[0].capacity.unit (smyrna)");
    }
  });

  it("NaN and Infinity are named as such", async () => {
    const file = beside(".hardening-nan.yaml", defaultText.replace("capacity: { value: 427000,", "capacity: { value: .nan,"));
    const r = await runCli("validate", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("NaN");
    expect(r.stderr).not.toContain("number null");
  });
});

describe("names every object has are refused, wherever they come from", () => {
  it("a CSV row with __proto__ as its market", async () => {
    const csv = join(data, ".hardening-demand.csv");
    writeFileSync(csv, `${readFileSync(join(data, "demand.csv"), "utf8").trimEnd()}\nrogue,__proto__,FY2024,1\n`);
    written.push(csv);
    const file = beside(".hardening-proto-csv.yaml", defaultText.replace("../data/model/demand.csv", "../data/model/.hardening-demand.csv"));
    const r = await runCli("validate", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tables\.demand row \d+\.market: `__proto__` is a reserved name/);
    expect(({} as Record<string, unknown>).demand).toBeUndefined();
  });

  it.each(["__proto__", "constructor", "prototype"])("%s as a YAML key, a JSON key or an id", async (name) => {
    for (const [ext, text] of [
      ["yaml", `tieup: 1\nid: x\n${name}: { a: 1 }\n`],
      ["json", `{"tieup": 1, "id": "x", "${name}": {"a": 1}}`],
      ["yaml", `tieup: 1\nid: x\nmarkets:\n  - { id: ${name}, name: M, country: US, currency: USD }\n`],
    ] as const) {
      const file = beside(`.hardening-reserved.${ext}`, text);
      const r = await runCli("validate", file);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`\`${name}\` is a reserved name`);
    }
  });
});

describe("a scenario reads only under its root", () => {
  it("refuses extends and tables that leave it, and absolute paths", async () => {
    const up = await runCli("validate", beside(".hardening-extends.yaml", "extends: ../../etc/passwd\nid: x\n"));
    expect(up.code).toBe(2);
    expect(up.stderr).toContain("extends: ");
    expect(up.stderr).toContain("is outside the scenario's root");
    const abs = await runCli("validate", beside(".hardening-abs.yaml", defaultText.replace("fx: ../data/model/fx.csv", "fx: /etc/hostname")));
    expect(abs.code).toBe(2);
    expect(abs.stderr).toContain("tables.fx: `/etc/hostname` is an absolute path");
    const out = await runCli("validate", beside(".hardening-out.yaml", defaultText.replace("fx: ../data/model/fx.csv", "fx: ../../../../../../etc/hostname")));
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("tables.fx: ");
    expect(out.stderr).not.toMatch(new RegExp(readFileSync("/etc/hostname", "utf8").trim() || "^$"));
  });

  it("refuses a link that leads out of the root", async () => {
    const link = join(data, ".hardening-link.csv");
    symlinkSync("/etc/hostname", link);
    written.push(link);
    const r = await runCli(
      "validate",
      beside(".hardening-link.yaml", defaultText.replace("fx: ../data/model/fx.csv", "fx: ../data/model/.hardening-link.csv")),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is outside the scenario's root");
  });

  it("does not read or echo a cited file outside data/", async () => {
    const r = await runCli(
      "validate",
      beside(".hardening-cite.yaml", defaultText.replace('source: "data/facts/fx.csv#jpy-fy2024"', 'source: "../../../etc/passwd#root"')),
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("names a file outside data/");
    expect(r.stderr).not.toContain("/bin/");
  });

  it("--root widens it; a file too large is refused before it is read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tieup-root-"));
    const big = join(dir, "big.yaml");
    writeFileSync(big, `# ${"x".repeat(2 * 1024 * 1024)}\ntieup: 1\n`);
    const started = Date.now();
    const r = await runCli("validate", big, "--max-file-mb", "1");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("more than the 1 MB a scenario's file may have");
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("--out writes regular files only", () => {
  it("leaves a device a device, and refuses FIFOs-like special files and links", async () => {
    const r = await runCli("run", "--out", "/dev/null");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not a regular file");
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "tieup-out-"));
    const target = join(dir, "real.txt");
    writeFileSync(target, "keep");
    symlinkSync(target, join(dir, "link.txt"));
    const l = await runCli("run", "--out", join(dir, "link.txt"));
    expect(l.code).toBe(2);
    expect(l.stderr).toContain("is a symbolic link");
    expect(readFileSync(target, "utf8")).toBe("keep");
  });
});

describe("tieup serve answers loopback Host headers only", () => {
  it("refuses a rebinding Host and serves 127.0.0.1 and localhost", async () => {
    const root = mkdtempSync(join(tmpdir(), "tieup-web-"));
    writeFileSync(join(root, "index.html"), "<!doctype html>");
    const s = await startServer(root, { entry: "/s.yaml", files: { "/s.yaml": "id: s" } }, 0);
    try {
      const port = new URL(s.url).port;
      const get = (host: string) =>
        new Promise<number>((done, fail) => {
          import("node:http").then(({ request }) => {
            const req = request({ host: "127.0.0.1", port, path: "/api/scenario", headers: { host } }, (res) => {
              res.resume();
              done(res.statusCode ?? 0);
            });
            req.on("error", fail);
            req.end();
          });
        });
      expect(await get(`127.0.0.1:${port}`)).toBe(200);
      expect(await get(`localhost:${port}`)).toBe(200);
      expect(await get("evil.example:80")).toBe(403);
    } finally {
      await s.close();
    }
  });
});

describe("an optimisation the time limit stops does not call itself optimal", () => {
  // Where HiGHS stops depends on the machine, so the report is checked on a solve marked stopped, and the command on a real one.
  const stopped = async () => {
    const s = loadScenario(join(scenarios, "examples/contract-pickup.yaml")).scenario;
    const o = await optimizeScenario(s, { objective: { kind: "alliance" } });
    return { ...o, result: { ...o.result, status: "time-limit" as const, bound: o.result.objective + 5e6, gap: 0.25 } };
  };
  const options = { format: "table" as const, table: "companies", title: "t", overrides: [], period: undefined };

  it("prints the best answer, the bound and the gap, and calls nothing an optimum", async () => {
    const text = renderOptimize(await stopped(), options);
    expect(text).toMatch(/NOT PROVEN OPTIMAL: the time limit stopped the solver; best found 45\.0, bound 50\.0, gap 25\.0% \(USD million\)/);
    expect(text).toContain("Value of cooperation (USD million): NOT PROVEN");
    expect(text).toContain("own sourcing against the best answer found (not proven optimal)");
    const out = JSON.parse(renderOptimize(await stopped(), { ...options, format: "json" })) as {
      status: string;
      proven: boolean;
      optimum: number | null;
      best: number;
      bound: number;
      gap: number;
    };
    expect(out).toMatchObject({ status: "time-limit", proven: false, optimum: null, gap: 0.25 });
    expect(out.bound).toBeGreaterThanOrEqual(out.best);
    expect(proven(await stopped())).toBe(false);
    // Stopped before HiGHS proved a bound: it says so rather than print none.
    const early = await stopped();
    const { bound: _b, gap: _g, ...unbounded } = early.result;
    expect(renderOptimize({ ...early, result: unbounded }, options)).toMatch(/best found 45\.0, no bound proved yet \(USD million\)/);
  });

  it("stopped by a real time limit, it exits 3 with its gap, or 2 when it found no answer at all", async () => {
    // The footprint MILP of the default scenario takes seconds to prove: half a second stops it either way.
    const r = await runCli("optimize", "--footprint", "--time-limit", "0.5");
    expect([2, 3]).toContain(r.code);
    // HiGHS may stop before it has proved any bound: the line then says so instead of giving one.
    if (r.code === 3) expect(r.stdout).toMatch(/NOT PROVEN OPTIMAL: .*best found -?[\d,.]+(, bound -?[\d,.]+, gap [\d.]+%|, no bound proved yet)/);
    else expect(r.stderr).toContain("no feasible answer was found within the time limit");
    expect(r.stdout).not.toMatch(/HiGHS: optimal/);
  }, 60_000);

  it("errors are JSON under --format json", async () => {
    const r = await runCli("run", "--format", "json", "--period", "FY2099");
    expect(r.code).toBe(2);
    const err = JSON.parse(r.stderr) as { ok: boolean; issues: { path: string }[] };
    expect(err.ok).toBe(false);
    expect(err.issues[0]?.path).toBe("--period");
  });
});

describe("an interrupted run leaves no file behind", () => {
  it("SIGTERM during a long optimisation: the process ends and --out's folder stays empty (no target, no temporary file)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tieup-sigterm-"));
    const bin = new URL("../bin/tieup.js", import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, "optimize", "--footprint", "--out", join(dir, "optimum.json")], { stdio: "ignore" });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on("exit", (code, signal) => done({ code, signal })));
    await new Promise((r) => setTimeout(r, 1500)); // well inside the footprint solve, which takes several seconds
    child.kill("SIGTERM");
    const { code, signal } = await ended;
    expect(code === 143 || signal === "SIGTERM").toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);
});
