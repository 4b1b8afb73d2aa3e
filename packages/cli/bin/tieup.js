#!/usr/bin/env node
// Committed entry point so that npm can link the `tieup` command at install
// time, before the TypeScript build (npm's prepare step) has produced dist/.
import { main } from "../dist/main.js";

// Output piped into a reader that stops early (| head) closes the pipe: not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await main(process.argv);
