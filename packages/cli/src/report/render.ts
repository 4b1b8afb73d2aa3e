import { bold, dim } from "../io/style.js";
import { markdownTable, textTable } from "./format.js";
import type { Section } from "./sections.js";

export function renderText(title: string, intro: string[], sections: Section[], warnings: string[]): string {
  const out = [bold(title), ...intro.map(dim), ""];
  for (const s of sections) {
    out.push(bold(s.title));
    if (s.note) out.push(dim(s.note));
    out.push(textTable(s.headers, s.body), "");
  }
  for (const w of warnings) out.push(`warning: ${w}`);
  return `${out.join("\n").trimEnd()}\n`;
}

export function renderMarkdown(title: string, intro: string[], sections: Section[], warnings: string[]): string {
  const out = [`# ${title}`, "", ...intro.map((l) => `${l}  `), ""];
  for (const s of sections) {
    out.push(`## ${s.title}`, "");
    if (s.note) out.push(`*${s.note}*`, "");
    out.push(markdownTable(s.headers, s.body), "");
  }
  if (warnings.length) out.push("## Warnings", "", ...warnings.map((w) => `- ${w}`), "");
  return `${out.join("\n").trimEnd()}\n`;
}
