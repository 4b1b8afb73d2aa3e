import type { Command } from "commander";
import { Option } from "commander";
import { InputError } from "../io/errors.js";
import { DEFAULT_DB, openStoreFor } from "./serve.js";

/** `tieup token create|revoke|list`: access tokens for a workspace served beyond loopback. Only their hashes are stored. */
export function registerToken(program: Command): void {
  const token = program.command("token").description("access tokens for a workspace served beyond loopback (tieup serve --host)");
  const db = () => new Option("--db <path|url>", `the workspace's store (default: ${DEFAULT_DB})`);
  token
    .command("create")
    .description("create a token and print its secret (shown once: only its hash is kept)")
    .requiredOption("--name <name>", "who or what the token is for")
    .addOption(new Option("--scope <scope>", "read (GET only) or write").choices(["read", "write"]).default("read"))
    .addOption(db())
    .action(async (opts: { name: string; scope: "read" | "write"; db?: string }) => {
      const ws = await openStoreFor(opts.db);
      try {
        const { id, secret } = await ws.store.createToken(opts.name, opts.scope);
        process.stdout.write(
          `token ${id} (${opts.scope}) for ${opts.name}:\n${secret}\nsend it as "Authorization: Bearer ${secret.slice(0, 10)}…"; it is not shown again\n`,
        );
      } finally {
        await ws.close();
      }
    });
  token
    .command("revoke")
    .description("revoke a token by its id")
    .argument("<id>", "the token's id (tieup token list)")
    .addOption(db())
    .action(async (id: string, opts: { db?: string }) => {
      const ws = await openStoreFor(opts.db);
      try {
        if (!(await ws.store.revokeToken(id)))
          throw new InputError([{ severity: "error", path: "<id>", message: `no live token \`${id}\``, suggestion: "see tieup token list" }]);
        process.stdout.write(`token ${id} revoked\n`);
      } finally {
        await ws.close();
      }
    });
  token
    .command("list")
    .description("list tokens (ids, names, scopes; never secrets)")
    .addOption(db())
    .action(async (opts: { db?: string }) => {
      const ws = await openStoreFor(opts.db);
      try {
        for (const t of await ws.store.listTokens())
          process.stdout.write(`${t.id}\t${t.scope}\t${t.name}\t${t.createdAt}${t.revokedAt ? `\trevoked ${t.revokedAt}` : ""}\n`);
      } finally {
        await ws.close();
      }
    });
}
