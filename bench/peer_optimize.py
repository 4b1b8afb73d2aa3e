#!/usr/bin/env python3
"""Peer baselines for bench/optimize.bench.mjs: the same model built with PuLP
(solved by CBC) and with SciPy sparse arrays (solved by SciPy's native HiGHS).

    /usr/bin/python3 bench/peer_optimize.py bench/out/optimize-lp-10k.json [--time-limit S] [--gap G]

Reads an instance written by bench/optimize-instances.mjs and prints JSON with
build and solve times (ms) and objectives. The model is the one in
docs/optimizer.md, written here from the mathematics, not from tieup's code:

  max  sum_l c_l x_l + sum_g y_g - fixed costs            (allocation LP)
  s.t. sum_{l in demand group} x_l <= D                   (period, program, market)
       sum_{l at plant k in t} x_l <= cap(k, t)           (capacity)
       y_g <= sum_l off_l x_l,  y_g <= sum_l parts_l x_l  (offset cap per builder, period, pool)
  with --footprint data ("milp"): open(k, t) binary, fixed cost on open, no reopening,
  capacity and minimum utilisation scaled by open, closure cost C_k (1 - open(k, T-1)).
"""
import argparse
import json
import time

import numpy as np
import pulp
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp


def groups(keys):
    """Group index of each key (in order of first appearance) and the number of groups."""
    index = {}
    out = np.empty(len(keys), dtype=np.int64)
    for i, k in enumerate(keys):
        out[i] = index.setdefault(k, len(index))
    return out, len(index)


def structure(d):
    """Index sets shared by both builders (what a modeller computes once from the data)."""
    L = d["lanes"]
    n = len(L["period"])
    T = len(d["periods"])
    demand_g, nd = groups(list(zip(L["period"], L["program"], L["market"])))
    demand_rhs = np.zeros(nd)
    demand_rhs[demand_g] = L["demand"]
    cap_g, nc = groups(list(zip(L["plant"], L["period"])))
    cap_key = [None] * nc
    for i in range(n):
        cap_key[cap_g[i]] = (L["plant"][i], L["period"][i])
    P = d["pools"]
    off = np.array(d["poolOffset"]).reshape(n, P) if P else np.zeros((n, 0))
    parts = np.array(d["poolParts"]).reshape(n, P) if P else np.zeros((n, 0))
    pool_members = {}
    for i in range(n):
        for p in range(P):
            if off[i, p] > 0 or parts[i, p] > 0:
                pool_members.setdefault((L["builder"][i], L["period"][i], p), []).append(i)
    return dict(n=n, T=T, demand_g=demand_g, demand_rhs=demand_rhs, cap_g=cap_g, cap_key=cap_key, off=off, parts=parts, pools=list(pool_members.items()))


def closure_cost(plant, T):
    """One year of fixed cost (the optimiser's default closure cost)."""
    return plant["annualFixedCost"]


def build_pulp(d, s):
    L, plants, T, n = d["lanes"], d["plants"], s["T"], s["n"]
    prob = pulp.LpProblem("alliance", pulp.LpMaximize)
    x = [pulp.LpVariable(f"x{i}", lowBound=0) for i in range(n)]
    y = [pulp.LpVariable(f"y{j}", lowBound=0) for j in range(len(s["pools"]))]
    c = L["contribution"]
    objective = pulp.lpSum(c[i] * x[i] for i in range(n)) + pulp.lpSum(y)
    members = [[] for _ in s["demand_rhs"]]
    for i, g in enumerate(s["demand_g"]):
        members[g].append(x[i])
    for g, m in enumerate(members):
        prob += pulp.lpSum(m) <= s["demand_rhs"][g]
    at = [[] for _ in s["cap_key"]]
    for i, g in enumerate(s["cap_g"]):
        at[g].append(x[i])
    milp_data = d["milp"]
    if milp_data:
        opn = {(k, t): pulp.LpVariable(f"open{k}_{t}", cat="Binary") for k in range(len(plants)) for t in range(T)}
        for k, p in enumerate(plants):
            C = closure_cost(p, T)
            objective += -C + C * opn[k, T - 1] - pulp.lpSum(p["fixedCost"][t] * opn[k, t] for t in range(T))
            for t in range(1, T):
                prob += opn[k, t] - opn[k, t - 1] <= 0
        u = milp_data["minUtilisation"]
        for g, (k, t) in enumerate(s["cap_key"]):
            cap = plants[k]["capacity"][t]
            prob += pulp.lpSum(at[g]) - cap * opn[k, t] <= 0
            if u > 0:
                prob += pulp.lpSum(at[g]) - u * cap * opn[k, t] >= 0
    else:
        objective += -sum(sum(p["fixedCost"]) for p in plants)
        for g, (k, t) in enumerate(s["cap_key"]):
            prob += pulp.lpSum(at[g]) <= plants[k]["capacity"][t]
    for j, ((_, _, p), m) in enumerate(s["pools"]):
        prob += y[j] - pulp.lpSum(s["off"][i, p] * x[i] for i in m) <= 0
        prob += y[j] - pulp.lpSum(s["parts"][i, p] * x[i] for i in m) <= 0
    prob += objective
    return prob


def build_scipy(d, s):
    """Columns: x (n), y (pools), open (plants x T, MILP only). Rows as COO triplets."""
    L, plants, T, n = d["lanes"], d["plants"], s["T"], s["n"]
    G = len(s["pools"])
    milp_data = d["milp"]
    K = len(plants)
    nopen = K * T if milp_data else 0
    ncol = n + G + nopen
    cost = np.zeros(ncol)
    cost[:n] = L["contribution"]
    cost[n:n + G] = 1.0
    constant = 0.0
    rows, cols, vals, lo, hi = [], [], [], [], []
    r = 0
    lanes = np.arange(n)
    # demand
    rows.append(s["demand_g"]); cols.append(lanes); vals.append(np.ones(n))
    lo.append(np.full(len(s["demand_rhs"]), -np.inf)); hi.append(s["demand_rhs"]); r += len(s["demand_rhs"])
    # capacity
    nc = len(s["cap_key"])
    cap = np.array([plants[k]["capacity"][t] for k, t in s["cap_key"]])
    rows.append(r + s["cap_g"]); cols.append(lanes); vals.append(np.ones(n))
    lo.append(np.full(nc, -np.inf))
    if milp_data:
        open_col = np.array([n + G + k * T + t for k, t in s["cap_key"]])
        rows.append(r + np.arange(nc)); cols.append(open_col); vals.append(-cap); hi.append(np.zeros(nc))
    else:
        hi.append(cap)
    r += nc
    # offset credits
    for j, ((_, _, p), m) in enumerate(s["pools"]):
        m = np.array(m)
        for coef in (s["off"][m, p], s["parts"][m, p]):
            rows.append(np.full(len(m) + 1, r)); cols.append(np.append(m, n + j)); vals.append(np.append(-coef, 1.0))
            lo.append([-np.inf]); hi.append([0.0]); r += 1
    integrality = np.zeros(ncol)
    if milp_data:
        integrality[n + G:] = 1
        for k, p in enumerate(plants):
            C = closure_cost(p, T)
            constant -= C
            for t in range(T):
                cost[n + G + k * T + t] -= p["fixedCost"][t]
            cost[n + G + k * T + T - 1] += C
            for t in range(1, T):
                rows.append([r, r]); cols.append([n + G + k * T + t, n + G + k * T + t - 1]); vals.append([1.0, -1.0])
                lo.append([-np.inf]); hi.append([0.0]); r += 1
        u = milp_data["minUtilisation"]
        if u > 0:
            rows.append(r + s["cap_g"]); cols.append(lanes); vals.append(np.ones(n))
            rows.append(r + np.arange(nc)); cols.append(open_col); vals.append(-u * cap)
            lo.append(np.zeros(nc)); hi.append(np.full(nc, np.inf)); r += nc
    else:
        constant -= sum(sum(p["fixedCost"]) for p in plants)
    A = sparse.csr_array((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(r, ncol))
    upper = np.full(ncol, np.inf)
    upper[n + G:] = 1.0
    return dict(A=A, lo=np.concatenate(lo), hi=np.concatenate(hi), cost=cost, constant=constant, integrality=integrality, upper=upper, milp=bool(milp_data))


def solve_scipy(m, time_limit, gap):
    if m["milp"]:
        res = milp(-m["cost"], constraints=LinearConstraint(m["A"], m["lo"], m["hi"]), integrality=m["integrality"],
                   bounds=Bounds(np.zeros(len(m["cost"])), m["upper"]), options={"time_limit": time_limit, "mip_rel_gap": gap})
    else:
        # all rows are <= rows in the LP
        res = linprog(-m["cost"], A_ub=m["A"], b_ub=m["hi"], bounds=(0, None), method="highs", options={"time_limit": time_limit})
    return -res.fun + m["constant"] if res.x is not None else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("instance")
    ap.add_argument("--time-limit", type=float, default=300)
    ap.add_argument("--gap", type=float, default=1e-4)
    a = ap.parse_args()
    with open(a.instance) as f:
        d = json.load(f)
    s = structure(d)
    out = {}

    t0 = time.perf_counter()
    prob = build_pulp(d, s)
    t1 = time.perf_counter()
    prob.solve(pulp.COIN_CMD(path="/usr/bin/cbc", msg=False, timeLimit=a.time_limit, gapRel=a.gap))
    t2 = time.perf_counter()
    out["pulp"] = dict(build=(t1 - t0) * 1e3, solve=(t2 - t1) * 1e3, objective=pulp.value(prob.objective), status=pulp.LpStatus[prob.status])

    t0 = time.perf_counter()
    m = build_scipy(d, s)
    t1 = time.perf_counter()
    obj = solve_scipy(m, a.time_limit, a.gap)
    t2 = time.perf_counter()
    out["scipy"] = dict(build=(t1 - t0) * 1e3, solve=(t2 - t1) * 1e3, objective=obj)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
