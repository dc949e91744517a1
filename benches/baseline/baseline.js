// The benchmark's baseline: a small hand-written page that does what Keystone's cold start
// does — read the stored workspace, score and rank every account, show the first 100 rows of
// the ranked table — with no framework. Not shipped; `make bench` compares against it.
"use strict";
(function () {
  // The workspace as Keystone stores it: a head (settings) and shards of records, put back
  // in order by the order part.
  const head = JSON.parse(localStorage.getItem("keystone.v2.head") || "{}");
  const order = JSON.parse(localStorage.getItem("keystone.v2.order") || '{"accounts":[]}');
  const byId = new Map();
  for (let k = 0; k < (head.shards || []).length; k++) {
    const shard = JSON.parse(localStorage.getItem("keystone.v2.shard." + k) || '{"accounts":[]}');
    for (const a of shard.accounts) byId.set(a.id, a);
  }
  const ws = { scoring: head.scoring };
  const accounts = order.accounts.map((id) => byId.get(id)).filter(Boolean);
  const weights = (ws.scoring && ws.scoring.weights) || [10, 20, 25, 20, 25];
  const keyAt = (ws.scoring && ws.scoring.thresholds && ws.scoring.thresholds.key) || 70;
  const watchAt = (ws.scoring && ws.scoring.thresholds && ws.scoring.thresholds.watch) || 50;
  // Questions per criterion, in stored order (2, 3, 4, 4, 5).
  const spans = [[0, 2], [2, 5], [5, 9], [9, 13], [13, 18]];

  const sorted = (f) => accounts.map(f).filter((x) => x > 0 && isFinite(x)).sort((a, b) => a - b);
  const ltv = (a) => (a.revenue != null && a.margin_pct != null && a.relationship_years != null)
    ? a.revenue * a.margin_pct / 100 * a.relationship_years : null;
  const dist = [sorted((a) => a.revenue), sorted((a) => a.potential), sorted(ltv)];
  const band = (s, x) => {
    let lo = 0, hi = s.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (s[m] <= x) lo = m + 1; else hi = m; }
    const n = Math.max(s.length, 1);
    return Math.min(5, Math.max(1, Math.ceil(5 * Math.max(lo, 1) / n)));
  };
  const answers = (a) => {
    const x = a.assessment && a.assessment.answers;
    return typeof x === "string" ? x : "";
  };

  const rows = accounts.map((a, i) => {
    const ans = answers(a);
    const count = (c) => {
      let yes = 0, no = 0;
      for (let q = spans[c][0]; q < spans[c][1]; q++) { if (ans[q] === "y") yes++; else if (ans[q] === "n") no++; }
      return [yes, no, spans[c][1] - spans[c][0]];
    };
    const numeric = (s, v, adj) => v == null ? null : v <= 0 ? 0 : Math.min(5, Math.max(0, band(s, v) + adj));
    const ratings = [0, 1, 2, 3, 4].map((c) => {
      const [yes, no, total] = count(c);
      if (c === 0) return numeric(dist[0], a.revenue, Math.sign(yes - no));
      if (c === 1) return numeric(dist[1], a.potential, Math.sign(yes - no));
      if (c === 2) return numeric(dist[2], ltv(a), -no);
      return yes + no < total ? null : Math.floor((10 * yes + total) / (2 * total));
    });
    const complete = ratings.every((r) => r != null);
    const score = complete ? ratings.reduce((s, r, c) => s + weights[c] * r / 5, 0) : null;
    return { i, a, score, shown: score == null ? null : Math.round(score) };
  });

  const byRevenue = rows.slice().sort((x, y) => (y.a.revenue ?? -1) - (x.a.revenue ?? -1) || x.i - y.i);
  byRevenue.forEach((r, k) => { r.revenueRank = r.a.revenue == null ? null : k + 1; });
  rows.sort((x, y) => (y.score ?? -1) - (x.score ?? -1) || (y.a.revenue ?? -1) - (x.a.revenue ?? -1)
    || x.a.name.toLowerCase().localeCompare(y.a.name.toLowerCase()) || x.i - y.i);
  let prev = null, prevRank = 0;
  rows.forEach((r, k) => {
    if (r.shown == null) { r.rank = null; return; }
    if (r.shown !== prev) { prev = r.shown; prevRank = k + 1; }
    r.rank = prevRank;
  });

  const money = new Intl.NumberFormat("en", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  const tbody = document.querySelector("tbody");
  const frag = document.createDocumentFragment();
  for (const r of rows.slice(0, 100)) {
    const tr = document.createElement("tr");
    const tier = r.shown == null ? "Incomplete" : r.shown >= keyAt ? "Key account" : r.shown >= watchAt ? "Watch" : "Standard";
    const cells = [r.rank ?? "—", r.a.name, r.a.sector || "", r.a.owner || "",
      r.a.revenue == null ? "—" : money.format(r.a.revenue), r.revenueRank ?? "—", r.shown ?? "—", tier];
    cells.forEach((text, c) => {
      const td = document.createElement("td");
      if (c === 1) { const link = document.createElement("a"); link.href = "#/accounts/" + encodeURIComponent(r.a.id); link.textContent = text; td.append(link); }
      else td.textContent = String(text);
      if (c === 4 || c === 5 || c === 6) td.className = "num";
      tr.append(td);
    });
    frag.append(tr);
  }
  tbody.append(frag);
  document.querySelector(".count").textContent = `Showing ${Math.min(100, rows.length)} of ${rows.length} accounts`;
  performance.mark("keystone:table");
})();
