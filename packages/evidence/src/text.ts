import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { EvidenceIssue } from "./types.js";

export type Format = "text" | "markdown" | "html";

/** The readable text of a document; claim spans are offsets into `text`. */
export interface Plain {
  text: string;
  format: Format;
  title?: string;
  /** A publication date found in the document itself (HTML meta, Markdown front matter). */
  published?: string;
  issues: EvidenceIssue[];
}

/** Longest text read; the rest is dropped with a warning so a runaway file cannot stall a run. */
export const MAX_CHARS = 4_000_000;
// Readability walks the DOM several times: above this, plain tag stripping is used instead.
const MAX_READABILITY_CHARS = 1_500_000;

/** Guesses the format from the file name, then from the content. */
export function detectFormat(name: string, text: string): Format {
  if (/\.html?$/i.test(name)) return "html";
  if (/\.(md|markdown)$/i.test(name)) return "markdown";
  if (/\.txt$/i.test(name)) return "text";
  return /^\s*(<!doctype html|<html|<body|<article|<p[\s>])/i.test(text) ? "html" : "text";
}

/** Turns a document into plain text: boilerplate-free for HTML, markup-free for Markdown. */
export function toPlainText(input: string, format: Format, where: string): Plain {
  const issues: EvidenceIssue[] = [];
  if (isBinary(input)) {
    issues.push({ severity: "error", path: where, message: "is a binary file, not text", suggestion: "extract from .txt, .md or .html files" });
    return { text: "", format, issues };
  }
  // Non-breaking and typographic hyphens ("July‑September", "full‑year") read as the ASCII hyphen every rule
  // expects; one UTF-16 unit for another, so figures keep their offsets.
  let raw = input.replace(/\r\n?/g, "\n").replace(/[\u2010\u2011\u2012]/g, "-");
  if (raw.length > MAX_CHARS) {
    issues.push({
      severity: "warning",
      path: where,
      message: `is ${raw.length.toLocaleString("en-US")} characters long; only the first ${MAX_CHARS.toLocaleString("en-US")} were read`,
    });
    raw = raw.slice(0, MAX_CHARS);
  }
  const plain = format === "html" ? fromHtml(raw) : format === "markdown" ? fromMarkdown(raw) : { text: raw };
  if (plain.text.trim() === "") issues.push({ severity: "warning", path: where, message: "has no readable text" });
  return { ...plain, format, issues };
}

function isBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.includes("\u0000")) return true;
  const bad = head.match(/\uFFFD/g)?.length ?? 0;
  return head.length > 0 && bad / head.length > 0.05;
}

const BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,td,th,pre";
// Paragraphs that survive Readability but are not the article: sign-up prompts, share bars, tickers.
const CHROME = /\b(sign up|subscribe|newsletter|inbox|share this|follow us|cookie|all rights reserved|advertisement)\b/i;

function fromHtml(html: string): Omit<Plain, "format" | "issues"> {
  const { document } = parseHTML(html.length > MAX_READABILITY_CHARS ? "<html><body></body></html>" : html);
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute("content") ?? undefined;
  const published = isoDay(
    meta('meta[property="article:published_time"]') ??
      meta('meta[name="date"]') ??
      meta('meta[itemprop="datePublished"]') ??
      document.querySelector("time[datetime]")?.getAttribute("datetime") ??
      undefined,
  );
  if (html.length > MAX_READABILITY_CHARS) return { text: stripTags(html), ...(published ? { published } : {}) };
  const title = document.querySelector("title")?.textContent?.trim() || undefined;
  // biome-ignore lint/suspicious/noExplicitAny: linkedom's document stands in for the DOM Readability is typed against.
  const article = new Readability<unknown>(document as any, { serializer: (node: unknown) => node }).parse();
  const root = (article?.content ?? document.body) as unknown as ParentLike | null;
  const text = root ? blockText(root) : "";
  return { text, ...(article?.title || title ? { title: (article?.title || title) as string } : {}), ...(published ? { published } : {}) };
}

interface ParentLike {
  querySelectorAll(sel: string): Iterable<{ textContent: string | null; closest(sel: string): unknown }>;
  textContent: string | null;
}

/** Block elements' text, one paragraph each; captions and nested duplicates skipped. */
function blockText(root: ParentLike): string {
  const out: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.closest("figcaption, figure, nav, aside, footer")) continue;
    if (el.closest("li p, blockquote p, td p") && el !== el.closest("p")) continue;
    const t = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (t && !(CHROME.test(t) && t.length < 200)) out.push(t);
  }
  if (out.length === 0) return (root.textContent ?? "").replace(/[ \t]+/g, " ").trim();
  return out.join("\n\n");
}

function stripTags(html: string): string {
  return (
    html
      .replace(/<(script|style|nav|header|footer)[\s\S]*?<\/\1>/gi, " ")
      // A block element ends a paragraph, as in blockText: one huge paragraph would be read as one run-on sentence.
      .replace(/<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|td|th|tr|table|pre|article|section)\b[^>]*>/gi, "\n\n")
      .replace(/<[^>]*>/g, " ")
      .replace(/&nbsp;/g, " ")
      .replace(/&amp;/g, "&")
      .replace(/[ \t]+/g, " ")
      .replace(/\n[ \t\n]*\n/g, "\n\n")
  );
}

function fromMarkdown(md: string): Omit<Plain, "format" | "issues"> {
  let body = md;
  let published: string | undefined;
  let title: string | undefined;
  const front = /^---\n([\s\S]*?)\n---\n/.exec(md);
  if (front?.[1]) {
    published = isoDay(/^(?:date|published):\s*["']?([^"'\n]+)/m.exec(front[1])?.[1]);
    title = /^title:\s*["']?([^"'\n]+)/m.exec(front[1])?.[1]?.trim();
    body = md.slice(front[0].length);
  }
  const text = body
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/^```[^\n]*\n[\s\S]*?^```\s*$/gm, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    // List items are blocks of their own: each becomes a paragraph.
    .replace(/^[ \t]{0,3}([-*+]|\d+\.)[ \t]+/gm, "\n")
    .replace(/^[ \t]{0,3}(#{1,6}|>)[ \t]+/gm, "")
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`\n]+?)(?<=\S)\1/g, "$2")
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, "")
    .replace(/\|/g, " ");
  return { text, ...(title ? { title } : {}), ...(published ? { published } : {}) };
}

/** The YYYY-MM-DD part of a date-time, when it is one. */
export function isoDay(text: string | undefined): string | undefined {
  const m = text ? /^\s*(\d{4}-\d{2}-\d{2})/.exec(text) : null;
  return m?.[1];
}
