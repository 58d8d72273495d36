// await inside loops with per-iteration let closures, and async callbacks in map vs for-of.
(async () => {
  const fs = [];
  for (let i = 0; i < 3; i++) { await null; fs.push(() => i); }
  console.log(fs.map(f => f()).join());
  const order = [];
  await Promise.all([3, 1, 2].map(async (n, idx) => { for (let k = 0; k < n; k++) await null; order.push(`${n}@${idx}`); }));
  console.log(order.join());
  const seq = [];
  for (const n of [3, 1, 2]) { for (let k = 0; k < n; k++) await null; seq.push(n); }
  console.log(seq.join());
  let total = 0;
  for (let i = 0; i < 5; i++) { try { if (i === 2) throw new Error("skip"); total += await Promise.resolve(i); } catch (e) { total += 100; continue; } finally { total += 1000; } }
  console.log(total);
  let w = 0;
  while (await Promise.resolve(w < 3)) w++;
  console.log("while with await in test", w);
  const label = await (async () => { outer: for (const a of [1, 2]) { for (const b of [1, 2]) { await null; if (b === 2) continue outer; if (a === 2) break outer; } } return "labels ok"; })();
  console.log(label);
})();
