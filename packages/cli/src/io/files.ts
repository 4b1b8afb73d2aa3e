import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { FileReader } from "@tieup/core";
import { libraryFile, libraryNames, SHIPPED_FOLDERS } from "./library.js";

/** How large a file a scenario may read, by default: far above any real scenario (the 1M-flow benchmark is 9.5 MB). */
export const DEFAULT_MAX_FILE_MB = 32;

/** Where a scenario may read and how much: set once per command from --root and --max-file-mb. */
export interface ReadPolicy {
  /** The folder a scenario reads under; undefined: the project of the entry file (see `rootOf`). */
  root?: string;
  maxFileMb: number;
  /** The most entities a list of the scenario may hold (core's default when absent). */
  maxEntities?: number;
}

let policy: ReadPolicy = { maxFileMb: DEFAULT_MAX_FILE_MB };

/** Sets the policy for the command about to run; what is not given is the default (a command in the same process inherits nothing). */
export function setReadPolicy(p: Partial<ReadPolicy>): void {
  policy = { maxFileMb: DEFAULT_MAX_FILE_MB, ...p };
}

export function readPolicy(): ReadPolicy {
  return policy;
}

/**
 * The folder a scenario may read under: --root when given, else the nearest
 * folder above the entry file that holds a `data/` folder (the project:
 * scenarios, overrides, tables and cited facts), else the entry's own folder.
 */
export function rootOf(entry: string, given = policy.root): string {
  if (given !== undefined) return realOr(resolve(given));
  let dir = dirname(resolve(entry));
  for (;;) {
    if (existsSync(join(dir, "data")) && statSync(join(dir, "data")).isDirectory()) return realOr(dir);
    const up = dirname(dir);
    if (up === dir) return realOr(dirname(resolve(entry)));
    dir = up;
  }
}

function realOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** A path inside the shipped libraries or dataset, which every scenario may read whatever its root. */
const shipped = (p: string) => SHIPPED_FOLDERS.some((dir) => inside(dir, p));

/**
 * A reader that reads only regular files under `root` or in the shipped
 * libraries and dataset (anywhere without a root; links followed to where
 * they lead), each at most the policy's `maxFileMb` when it reads: anything
 * else is refused with the reason, before a byte of it is read.
 */
export function rootedReader(root: string | undefined): FileReader {
  const refuse = (path: string): { message: string; suggestion: string } | undefined => {
    const { maxFileMb } = policy;
    const outside = {
      message: `${displayPath(path)} is outside the scenario's root ${displayPath(root ?? "") || "."}`,
      suggestion: "keep the scenario's files under its root (the project folder holding data/), or give a wider one with --root",
    };
    // Lexically first: a path that leaves the root is refused whether or not the file exists.
    const lexical = resolve(path);
    if (root !== undefined && !inside(root, lexical) && !inside(root, realOr(dirname(lexical))) && !shipped(lexical)) return outside;
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      return undefined; // no such file: the caller says it cannot read it
    }
    if (root !== undefined && !inside(root, real) && !shipped(real)) return outside; // a link that leads out
    const st = statSync(real);
    if (!st.isFile()) return { message: `${displayPath(path)} is not a regular file`, suggestion: "name a file: not a folder, device, FIFO or socket" };
    if (st.size > maxFileMb * 1024 * 1024)
      return {
        message: `${displayPath(path)} is ${(st.size / 1024 / 1024).toFixed(1)} MB, more than the ${maxFileMb} MB a scenario's file may have`,
        suggestion: "raise the limit with --max-file-mb, or split the file",
      };
    return undefined;
  };
  return {
    refuse,
    read(path) {
      try {
        if (refuse(path) !== undefined || !existsSync(path)) return undefined;
        return readFileSync(path, "utf8");
      } catch {
        return undefined;
      }
    },
    resolve: (from, rel) => resolve(dirname(from), rel),
    library: libraryFile,
    libraries: () => libraryNames(),
  };
}

/** Reads files the user names on the command line (targets, registries): regular files within the size limit, anywhere. */
export const nodeReader: FileReader = rootedReader(undefined);

/** A path as the user would type it from here: relative to the working folder when inside it. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith("..") ? p : rel;
}
