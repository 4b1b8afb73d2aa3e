import { resultsReference, scenarioJsonSchema, scenarioReference } from "@tieup/core";
import { OPTIMIZE_REFERENCE } from "@tieup/optimize";
import { emit, writeAtomic } from "../io/output.js";

/** Prints the JSON Schema of scenario files, or writes the Markdown scenario reference. */
export function schemaCommand(opts: { out?: string; reference?: string; results?: string }): void {
  if (opts.results) {
    writeAtomic(opts.results, resultsReference([OPTIMIZE_REFERENCE]));
    process.stderr.write(`wrote ${opts.results}\n`);
    return;
  }
  if (opts.reference) {
    writeAtomic(opts.reference, scenarioReference());
    process.stderr.write(`wrote ${opts.reference}\n`);
    return;
  }
  emit(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`, opts.out);
}
