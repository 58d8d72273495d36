// Sequential awaits in a loop vs parallel Promise.all: order of side effects via microtask counting.
const log = [];
function step(name, ticks) {
  log.push("start " + name);
  let p = Promise.resolve();
  for (let i = 0; i < ticks; i++) p = p.then(() => {});
  return p.then(() => { log.push("end " + name); return name; });
}
(async () => {
  const seq = [];
  for (const [n, t] of [["s1", 3], ["s2", 1], ["s3", 2]]) seq.push(await step(n, t));
  log.push("seq result " + seq.join());
  const par = await Promise.all([["p1", 3], ["p2", 1], ["p3", 2]].map(([n, t]) => step(n, t)));
  log.push("par result " + par.join());
  const results = [];
  await [["r1", 2], ["r2", 1]].reduce((acc, [n, t]) => acc.then(() => step(n, t)).then(v => results.push(v)), Promise.resolve());
  log.push("reduce chain " + results.join());
  console.log(log.join("\n"));
})();
