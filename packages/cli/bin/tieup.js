#!/usr/bin/env node
// Committed entry point so that npm can link the `tieup` command at install
// time, before the TypeScript build (npm's prepare step) has produced dist/.
import { main } from "../dist/main.js";

process.exitCode = main(process.argv);
