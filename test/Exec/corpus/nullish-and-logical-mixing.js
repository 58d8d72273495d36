// ?? vs ||: 0, "", false, NaN kept by ??; parenthesised mixing; short circuit with calls.
const vals = [0, "", false, NaN, null, undefined, "x"];
console.log(vals.map(v => String(v ?? "D")).join(","));
console.log(vals.map(v => String(v || "D")).join(","));
console.log(vals.map(v => String(v && "A")).join(","));
const log = [];
const f = (tag, v) => (log.push(tag), v);
const r = (f("a", null) ?? f("b", 0)) || (f("c", "") ?? f("d", "never")) || f("e", "last");
console.log(r, log.join(","));
const cfg = { retries: 0, name: "" };
console.log(cfg.retries ?? 3, cfg.retries || 3, cfg.name ?? "anon", cfg.name || "anon", cfg.missing?.deep ?? "fallback");
const x = null ?? (() => "lazy")();
console.log(x, (null || undefined) ?? "both nullish");
