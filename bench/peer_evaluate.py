#!/usr/bin/env python3
"""Peer for the tieup evaluation benchmark: the same scenario, evaluated by a
plain Python script over rows (standard library only).

    python3 bench/peer_evaluate.py scenario.json

Reads a scenario written by bench/generate.mjs (JSON; quantities are plain
numbers, or {value, unit} with a "thousand"/"million" scale) and computes,
with tieup's formulas, every flow (period x program x plant x market): units,
revenue, variable cost, logistics, vehicle duty (day-weighted schedules with
the stacking rules: supersedes, all-in with inclusiveOf, mfn/additional),
parts duty by content origin (day-weighted with the market's sales profile,
like the vehicle's own duties: the parts enter with the vehicles sold), and
offsets capped per company and period: each offset at the parts duties under
the measures it names, then offsets naming a common measure together at the
duties under everything they name. It then sums the flows and each company's
operating profit in its reporting currency (fixed cost included).

It is what a user would write instead of tieup: straightforward loops, with
the day-weighted schedule of each (slot, period, sales profile) memoised in a
dict. It does not build tieup's result tables (duty lines, plant and company
tables); it keeps only what the totals need.

Prints one JSON object: timings (ms), peak RSS and the totals.
"""

import json
import math
import resource
import sys
import time
from datetime import date

USMCA = {"US", "CA", "MX"}
SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}


def qty(v):
    """A number, or {value, unit} with a scale word (the forms bench/generate.mjs writes)."""
    if isinstance(v, (int, float)):
        return float(v)
    scale = 1.0
    for word in v.get("unit", "").replace("/", " /").split():
        scale *= SCALES.get(word.lower(), 1.0)
    return float(v["value"]) * scale


def day(iso):
    return date.fromisoformat(iso).toordinal()


def month_end(year, month):
    """Ordinal of the last day of the month."""
    return (date(year + (month == 12), month % 12 + 1, 1)).toordinal() - 1


def fiscal_periods(h):
    fy = h["fiscalYears"]
    start_month = fy.get("startMonth", 4)
    out = []
    for i, y in enumerate(range(fy["from"], fy["to"] + 1)):
        start = date(y, start_month, 1).toordinal()
        end_year, end_month = (y, 12) if start_month == 1 else (y + 1, start_month - 1)
        end = month_end(end_year, end_month)
        out.append({"id": f"FY{y}", "index": i, "start": start, "end": end, "days": end - start + 1, "years": 1.0})
    return out


def cumulative_weights(period, profile):
    """Cumulative sales weight of the period's days (a monthly profile spread evenly over each month's days)."""
    cum = [0.0] * (period["days"] + 1)
    acc = 0.0
    for i in range(period["days"]):
        d = date.fromordinal(period["start"] + i)
        dim = month_end(d.year, d.month) - date(d.year, d.month, 1).toordinal() + 1
        acc += profile[d.month - 1] / dim
        cum[i + 1] = acc
    return cum


def share_of_period(period, a, b, cum):
    a = max(a, period["start"])
    b = min(b, period["end"])
    if b < a:
        return 0.0
    if cum is None:
        return (b - a + 1) / period["days"]
    total = cum[period["days"]]
    if total == 0:
        return 0.0
    return (cum[b - period["start"] + 1] - cum[a - period["start"]]) / total


def covers(m, importer, origin, category, qualifying):
    if m["importer"] != importer or category not in m["categories"]:
        return False
    if origin not in m["origins"] and "*" not in m["origins"]:
        return False
    if origin in m["exceptOrigins"]:
        return False
    if m.get("usmca") == "qualifying" and not qualifying:
        return False
    if m.get("usmca") == "non-qualifying" and qualifying:
        return False
    return True


def stack(in_force):
    """Charged rate of each measure in force: supersedes, then all-in (keeps MFN, folds the rest), then sums."""
    ids = {m["id"] for m in in_force}
    suppressed = {s for m in in_force for s in m["supersedes"] if s in ids and s != m["id"]}
    active = [m for m in in_force if m["id"] not in suppressed]
    folded = set()
    for m in active:
        if m["kind"] != "all-in":
            continue
        for inc in m["inclusiveOf"]:
            other = next((a for a in active if a["id"] == inc), None)
            if other is not None and other["kind"] != "mfn":
                folded.add(inc)
    charged = []
    for m in active:
        if m["id"] in folded:
            continue
        if m["kind"] == "all-in":
            mfn = 0.0
            for a in active:
                if a["kind"] == "mfn" and a["id"] in m["inclusiveOf"]:
                    mfn += a["rate"]
            charged.append((m, max(0.0, m["rate"] - mfn)))
        else:
            charged.append((m, m["rate"]))
    return charged


def offsets_in_force(in_force):
    suppressed = {s for m in in_force for s in m["supersedes"]}
    return [(m, m["rate"]) for m in in_force if m["id"] not in suppressed]


class Evaluator:
    def __init__(self, doc):
        self.doc = doc
        self.params = doc.get("parameters", {})
        self.periods = fiscal_periods(doc["horizon"])
        self.period_index = {p["id"]: p["index"] for p in self.periods}
        self.base = doc.get("fx", {}).get("base", "USD")
        self.rates = {cur: {pid: qty(r) for pid, r in by.items()} for cur, by in doc.get("fx", {}).get("rates", {}).items()}
        self.companies = {c["id"]: c for c in doc["companies"]}
        self.markets = {m["id"]: m for m in doc["markets"]}
        self.plants = {p["id"]: p for p in doc["plants"]}
        self.lanes = doc.get("lanes", [])
        self.measures = []
        for m in doc.get("tariffs", []):
            m = dict(m)
            m.setdefault("exceptOrigins", [])
            m.setdefault("supersedes", [])
            m.setdefault("inclusiveOf", [])
            m.setdefault("offsets", [])
            m.setdefault("basis", "full-value")
            m["rate"] = qty(m["rate"])
            m["_from"] = day(m["from"])
            m["_to"] = day(m["to"]) if m.get("to") else math.inf
            self.measures.append(m)
        self.schedules = {}
        self.weights = {}
        self.lane_cache = {}

    def rate(self, currency, t):
        return 1.0 if currency == self.base else self.rates[currency][self.periods[t]["id"]]

    def to_base(self, amount, currency, t):
        return amount / self.rate(currency, t)

    def schedule(self, importer, origin, category, qualifying, t, profile, offsets):
        """Day-weighted rate of each measure on a slot over period t: [(measure, rate)]; memoised.
        `profile` is the sales profile as a tuple (hashable), or None for volume spread evenly."""
        key = (importer, origin, category, qualifying, t, profile, offsets)
        hit = self.schedules.get(key)
        if hit is not None:
            return hit
        period = self.periods[t]
        relevant = [
            m
            for m in self.measures
            if (m["kind"] == "offset") == offsets
            and m["_from"] <= period["end"]
            and m["_to"] >= period["start"]
            and covers(m, importer, origin, category, qualifying)
        ]
        out = []
        if relevant:
            cum = None
            if profile:
                wkey = (t, profile)
                cum = self.weights.get(wkey)
                if cum is None:
                    cum = self.weights[wkey] = cumulative_weights(period, profile)
            cuts = {period["start"], period["end"] + 1}
            for m in relevant:
                if m["_from"] > period["start"]:
                    cuts.add(m["_from"])
                if m["_to"] < period["end"]:
                    cuts.add(m["_to"] + 1)
            bounds = sorted(cuts)
            by_measure = {}
            for a, b in zip(bounds, bounds[1:]):
                in_force = [m for m in relevant if m["_from"] <= a and m["_to"] >= b - 1]
                if not in_force:
                    continue
                w = share_of_period(period, a, b - 1, cum)
                if w == 0:
                    continue
                for m, r in offsets_in_force(in_force) if offsets else stack(in_force):
                    prev = by_measure.get(m["id"])
                    by_measure[m["id"]] = (m, (prev[1] if prev else 0.0) + r * w)
            out = [e for e in by_measure.values() if e[1] != 0]
        self.schedules[key] = out
        return out

    def lane_cost(self, plant, market_id, t):
        key = (plant["id"], market_id)
        lane = self.lane_cache.get(key, False)
        if lane is False:
            lane = next((l for l in self.lanes if l["to"] == market_id and l["from"] == plant["id"]), None) or next(
                (l for l in self.lanes if l["to"] == market_id and l["from"] == plant["country"]), None
            )
            self.lane_cache[key] = lane
        return 0.0 if lane is None else self.to_base(qty(lane["costPerUnit"]), lane.get("currency", "USD"), t)

    @staticmethod
    def basis_factor(basis, content):
        if basis in ("full-value", "msrp"):
            return 1.0
        excluded = 0.0
        for c in basis["excludeContentOf"]:
            excluded += content.get(c, 0.0)
        return max(0.0, 1.0 - excluded)

    @staticmethod
    def content_entries(content):
        entries = list(content.items())
        named = 0.0
        for _, v in entries:
            named += v
        rest = max(0.0, 1.0 - named)
        if "other" not in content and rest > 1e-12:
            entries.append(("other", rest))
        return entries

    def sourcing_at(self, program, t):
        s = program["sourcing"]
        if not isinstance(s, list):
            return s
        current = {}
        for step in s:
            start = self.period_index.get(step["from"])
            if start is not None and start <= t:
                current = step["shares"]
        return current

    def parts_duties(self, entries, parts_value, plant, t, profile):
        """{measure id: parts duty per unit} for a vehicle built in the plant and sold with this sales profile:
        the parts from each content origin other than the plant's country are imported into it."""
        out = {}
        for origin, share in entries:
            if origin == plant["country"] or share == 0:
                continue
            for m, r in self.schedule(plant["country"], origin, "parts", origin in USMCA, t, profile, False):
                out[m["id"]] = out.get(m["id"], 0.0) + r * parts_value * share * self.basis_factor(m["basis"], {})
        return out

    def offset_groups(self):
        """What each offset may draw on, and its pool.

        Returns ({offset id: set of duty measure ids it names}, [(offset ids, duty measure ids)]):
        offsets whose lists share a duty measure draw on the same duties, so they are grouped
        (transitively); each group lists every duty measure its offsets name.
        """
        known = {m["id"] for m in self.measures}
        names = {m["id"]: {x for x in m["offsets"] if x in known} for m in self.measures if m["kind"] == "offset"}
        groups = []
        for oid, named in names.items():
            ids, measures = {oid}, set(named)
            apart = []
            for g_ids, g_measures in groups:
                if g_measures & measures:
                    ids |= g_ids
                    measures |= g_measures
                else:
                    apart.append((g_ids, g_measures))
            groups = apart + [(ids, measures)]
        return names, groups

    def run(self):
        names, groups = self.offset_groups()
        offsettable = set().union(*names.values()) if names else set()
        cap_offsets = self.params.get("offsetCap", "company-period") != "none"
        rows = []  # (t, seller, builder, units, revenue, variable cost, logistics, vehicle duty, parts duty, offset)
        credited = []  # (row, [(offset id, credit)]) for the rows that earn an offset
        credits = {}  # (builder, t) -> {offset id: credit before the cap}
        paid = {}  # (builder, t) -> {duty measure id: parts duties paid}, offsettable measures only
        profiles = {}  # id of a monthlyProfile list -> its tuple (one per program-market)
        for period in self.periods:
            t, pid = period["index"], period["id"]
            for program in self.doc["programs"]:
                content = {k: qty(v) for k, v in program.get("content", {}).items()}
                currency = program.get("currency", "USD")
                vc_base = self.to_base(qty(program["variableCost"]), currency, t)
                sources = []
                for plant_id, share in self.sourcing_at(program, t).items():
                    plant = self.plants.get(plant_id)
                    share = qty(share)
                    if plant is None or share <= 0:
                        continue
                    sources.append((plant, share))
                if not sources:
                    continue
                parts_memo = {}  # (plant id, profile) -> (duties by measure, per unit): markets with one profile share them
                entries = self.content_entries(content)
                value = qty(program["partsValue"]) if "partsValue" in program else qty(program["variableCost"]) * self.params.get("partsShareOfVariableCost", 0.8)
                parts_value = self.to_base(value, currency, t)
                qualifying = program.get("usmcaQualifying", True)
                cv = program.get("customsValue") or self.params.get("customsValue", {"shareOfPrice": 0.9})
                for market_id, pm in program["markets"].items():
                    market = self.markets.get(market_id)
                    if market is None:
                        continue
                    d = pm["demand"]
                    demand = qty(d) if not isinstance(d, dict) or "value" in d else qty(d.get(pid, 0))
                    if demand <= 0:
                        continue
                    price = self.to_base(qty(pm["price"]), market["currency"], t)
                    msrp = self.to_base(qty(pm.get("msrp", pm["price"])), market["currency"], t)
                    if "shareOfPrice" in cv:
                        customs = qty(cv["shareOfPrice"]) * price
                    elif "markupOnCost" in cv:
                        customs = (1 + qty(cv["markupOnCost"])) * vc_base
                    else:
                        customs = self.to_base(qty(cv["perUnit"]), market["currency"], t)
                    raw = pm.get("monthlyProfile")
                    profile = None
                    if raw:
                        profile = profiles.get(id(raw))
                        if profile is None:
                            profile = profiles[id(raw)] = tuple(qty(x) for x in raw)
                    per_plant = []
                    for plant, share in sources:
                        pkey = (plant["id"], profile)
                        hit = parts_memo.get(pkey)
                        if hit is None:
                            parts = self.parts_duties(entries, parts_value, plant, t, profile)
                            parts_per_unit = 0.0
                            for v in parts.values():
                                parts_per_unit += v
                            hit = parts_memo[pkey] = (parts, parts_per_unit)
                        parts, parts_per_unit = hit
                        q = qualifying and plant["country"] in USMCA
                        vehicle = 0.0
                        offsets = None
                        if plant["country"] != market["country"]:
                            for m, r in self.schedule(market["country"], plant["country"], program["category"], q, t, profile, False):
                                vehicle += r * customs * self.basis_factor(m["basis"], content)
                        else:
                            offsets = [(m["id"], r * msrp) for m, r in self.schedule(plant["country"], plant["country"], program["category"], q, t, profile, True)]
                        per_plant.append((plant, share, parts, parts_per_unit, vehicle, offsets))
                    units, net_price = demand, price
                    pt = program.get("passThrough")
                    if pt and pt["share"] != 0 and price > 0:
                        avg = 0.0
                        for _, share, _, parts_per_unit, vehicle, _ in per_plant:
                            avg += share * (vehicle + parts_per_unit)
                        net_price = price + pt["share"] * avg
                        units = demand * (net_price / price) ** pt["elasticity"]
                    for plant, share, parts, parts_per_unit, vehicle, offsets in per_plant:
                        u = units * share
                        owner = plant["owner"]
                        offset = 0.0
                        if offsets:
                            earned = credits.setdefault((owner, t), {})
                            mine = []
                            for oid, per_unit in offsets:
                                c = u * per_unit
                                offset += c
                                earned[oid] = earned.get(oid, 0.0) + c
                                mine.append((oid, c))
                        row = [
                            t,
                            program["seller"],
                            owner,
                            u,
                            u * net_price,
                            u * vc_base,
                            u * self.lane_cost(plant, market_id, t),
                            u * vehicle,
                            u * parts_per_unit,
                            offset,
                        ]
                        rows.append(row)
                        if offsets:
                            credited.append((row, mine))
                        for mid, per_unit in parts.items():
                            if mid in offsettable:
                                by_measure = paid.setdefault((owner, t), {})
                                by_measure[mid] = by_measure.get(mid, 0.0) + u * per_unit
        if cap_offsets:
            factors = self.offset_factors(names, groups, credits, paid)
            for row, mine in credited:
                factor = factors[(row[2], row[0])]
                total = 0.0
                for oid, c in mine:
                    total += c * factor[oid]
                row[9] = total
        return rows

    @staticmethod
    def offset_factors(names, groups, credits, paid):
        """Cap factor of each offset, by (builder, period): {(company, t): {offset id: factor}}.

        Step 1, each offset on its own: phi = min(1, parts duties under the measures it names / its credit).
        Step 2, each group of offsets sharing duties: psi = min(1, duties under all the group names / the
        group's credits after step 1). An offset's credits are multiplied by phi * psi.
        """
        out = {}
        for key, earned in credits.items():
            duties = paid.get(key, {})
            phi = {}
            for oid, credit in earned.items():
                available = 0.0
                for mid in names.get(oid, ()):
                    available += duties.get(mid, 0.0)
                phi[oid] = min(1.0, available / credit) if credit > 0 else 0.0
            factor = {}
            for ids, measures in groups:
                earning = [oid for oid in ids if oid in earned]
                if not earning:
                    continue
                after_own = 0.0
                for oid in earning:
                    after_own += earned[oid] * phi[oid]
                available = 0.0
                for mid in measures:
                    available += duties.get(mid, 0.0)
                psi = min(1.0, available / after_own) if after_own > 0 else 0.0
                for oid in earning:
                    factor[oid] = phi[oid] * psi
            out[key] = factor
        return out

    def totals(self, rows):
        names = ["units", "revenue", "variableCost", "logistics", "vehicleDuty", "partsDuty", "offset"]
        sums = [0.0] * 7
        by_company = {}  # (company, t) -> contribution in base currency
        for row in rows:
            for i in range(7):
                sums[i] += row[3 + i]
            t, seller, builder = row[0], row[1], row[2]
            by_company[(seller, t)] = by_company.get((seller, t), 0.0) + row[4] - row[6] - row[7]
            by_company[(builder, t)] = by_company.get((builder, t), 0.0) - row[5] - row[8] + row[9]
        out = dict(zip(names, sums))
        out["contribution"] = out["revenue"] - out["variableCost"] - out["logistics"] - out["vehicleDuty"] - out["partsDuty"] + out["offset"]
        fixed = {}
        for p in self.plants.values():
            for period in self.periods:
                key = (p["owner"], period["index"])
                cost = self.to_base(qty(p["fixedCost"]) * period["years"], p.get("currency", "USD"), period["index"])
                fixed[key] = fixed.get(key, 0.0) + cost
        for c in self.companies.values():
            op = 0.0
            for period in self.periods:
                t = period["index"]
                op += (by_company.get((c["id"], t), 0.0) - fixed.get((c["id"], t), 0.0)) * self.rate(c["reportingCurrency"], t)
            out[f"operatingProfit:{c['id']}"] = op
        return out


def main():
    path = sys.argv[1]
    t0 = time.perf_counter()
    with open(path) as f:
        doc = json.load(f)
    t1 = time.perf_counter()
    ev = Evaluator(doc)
    rows = ev.run()
    t2 = time.perf_counter()
    totals = ev.totals(rows)
    t3 = time.perf_counter()
    print(
        json.dumps(
            {
                "peer": "python",
                "python": sys.version.split()[0],
                "flows": len(rows),
                "loadMs": (t1 - t0) * 1e3,
                "evalMs": (t3 - t1) * 1e3,
                "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "totals": totals,
            }
        )
    )


if __name__ == "__main__":
    main()
