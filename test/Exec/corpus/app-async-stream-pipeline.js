// Realistic: async-generator stream pipeline (source -> parse -> filter -> batch -> sink) with backpressure, errors, and early cancel.
const trace = [];
const tick = () => new Promise(r => setImmediate(r));
async function* source(lines, name = "src") {
  try {
    for (const [i, line] of lines.entries()) {
      await tick();
      trace.push(`${name} emit ${i}`);
      yield line;
    }
  } finally {
    trace.push(`${name} closed`);
  }
}
async function* parseCsv(it, header) {
  let lineNo = 0;
  for await (const line of it) {
    lineNo++;
    const cells = line.split(",").map(s => s.trim());
    if (cells.length !== header.length) {
      yield { error: `line ${lineNo}: expected ${header.length} fields, got ${cells.length}` };
      continue;
    }
    yield Object.fromEntries(
      header.map((h, i) => [h, /^-?\d+(\.\d+)?$/.test(cells[i]) ? Number(cells[i]) : cells[i]]),
    );
  }
}
async function* filterAsync(it, pred) {
  for await (const x of it) if (await pred(x)) yield x;
}
async function* mapAsync(it, fn) {
  let i = 0;
  for await (const x of it) yield await fn(x, i++);
}
async function* batch(it, size) {
  let b = [];
  for await (const x of it) {
    b.push(x);
    if (b.length === size) {
      yield b;
      b = [];
    }
  }
  if (b.length) yield b;
}
async function* take(it, n) {
  if (n <= 0) return;
  for await (const x of it) {
    yield x;
    if (--n <= 0) return;
  }
}
async function collect(it) {
  const out = [];
  for await (const x of it) out.push(x);
  return out;
}
function pipe(src, ...stages) {
  return stages.reduce((acc, st) => st(acc), src);
}
const csv = [
  "alice, 34, eng",
  "bob, 27, ops",
  "carol, x, eng",
  "broken line",
  "dave, 45, eng",
  "erin, 19, ops",
  "frank, 52, eng",
  "gina, 38, mgmt",
];
(async () => {
  const errors = [];
  const result = await collect(
    pipe(
      source(csv),
      it => parseCsv(it, ["name", "age", "team"]),
      it =>
        filterAsync(it, async r => {
          if (r.error) {
            errors.push(r.error);
            return false;
          }
          await tick();
          return typeof r.age === "number";
        }),
      it => mapAsync(it, async (r, i) => ({ ...r, idx: i, senior: r.age >= 40 })),
      it => batch(it, 2),
    ),
  );
  console.log(JSON.stringify(result));
  console.log(errors.join(" | "));
  trace.push("--- early cancel ---");
  const firstTwo = await collect(
    pipe(
      source(csv, "src2"),
      it => parseCsv(it, ["name", "age", "team"]),
      it => take(it, 2),
    ),
  );
  console.log(firstTwo.map(r => r.name).join(","));
  trace.push("--- error mid-stream ---");
  try {
    await collect(
      pipe(source(csv, "src3"), it =>
        mapAsync(it, async (line, i) => {
          if (i === 2) throw new Error("stage failed at " + i);
          return line.length;
        }),
      ),
    );
  } catch (e) {
    console.log("pipeline error:", e.message);
  }
  const grouped = new Map();
  for await (const r of pipe(
    source(csv, "src4"),
    it => parseCsv(it, ["name", "age", "team"]),
    it => filterAsync(it, r => !r.error),
  )) {
    grouped.set(r.team, [...(grouped.get(r.team) ?? []), r.name]);
  }
  console.log(JSON.stringify([...grouped]));
  const merged = [];
  const a = source(["a1", "a2", "a3"], "A"),
    b = source(["b1", "b2"], "B");
  const pending = new Map([
    [a, a.next()],
    [b, b.next()],
  ]);
  while (pending.size) {
    for (const [it, p] of [...pending]) {
      const r = await p;
      if (r.done) pending.delete(it);
      else {
        merged.push(r.value);
        pending.set(it, it.next());
      }
    }
  }
  console.log(merged.join(" "));
  console.log(trace.join("\n"));
})();
