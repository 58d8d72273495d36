// for await over async generators, sync iterables of promises, and early exit calling return.
const log = [];
async function* agen(n) {
  try { for (let i = 0; i < n; i++) { await null; yield i * 10; } }
  finally { log.push("agen finally"); }
}
(async () => {
  for await (const v of agen(3)) log.push("v" + v);
  for await (const v of [Promise.resolve("p1"), "plain", Promise.resolve("p3")]) log.push(v);
  for await (const v of agen(5)) { if (v === 10) break; log.push("b" + v); }
  const custom = {
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        next: () => Promise.resolve({ value: i, done: i++ >= 2 }),
        return: () => { log.push("custom return"); return Promise.resolve({ done: true }); },
      };
    },
  };
  for await (const v of custom) log.push("c" + v);
  try { for await (const v of custom) throw new Error("stop"); } catch (e) { log.push(e.message); }
  console.log(log.join(","));
})();
