import type { HeadlineReply, RunReply } from "../engine/service.js";

/** A run that succeeded: what the views draw. */
export type GoodReply = Extract<RunReply, { ok: true }>;

/** The results with the headline of the same request, or without any when it has none (a stale one is never kept past its own). */
export function withHeadline(g: GoodReply, h: HeadlineReply | undefined): GoodReply {
  const { headline: _, profit: __, bridge: ___, ...rest } = g.snapshot;
  return { ...g, snapshot: h ? { ...rest, headline: h.headline, profit: h.profit, ...(h.bridge ? { bridge: h.bridge } : {}) } : rest };
}

/** New results with the previous headline, until their own arrives (a moment later, from the headline lane). */
export function carryHeadline(reply: GoodReply, previous: GoodReply | undefined): GoodReply {
  const p = previous?.snapshot;
  if (!p?.headline || reply.snapshot.meta.id !== p.meta.id) return reply;
  return {
    ...reply,
    snapshot: { ...reply.snapshot, headline: p.headline, ...(p.profit ? { profit: p.profit } : {}), ...(p.bridge ? { bridge: p.bridge } : {}) },
  };
}
