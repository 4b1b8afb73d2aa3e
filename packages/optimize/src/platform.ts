/**
 * The two web-platform globals the optimiser uses, declared here because the
 * package compiles without DOM or Node types (it runs in both).
 */
declare const performance: { now(): number };
declare class TextDecoder {
  decode(bytes: Uint8Array): string;
}

/** Milliseconds from a monotonic clock. */
export const now = (): number => performance.now();

export const utf8 = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
