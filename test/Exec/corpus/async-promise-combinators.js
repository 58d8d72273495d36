// Promise.all, allSettled, race, any with mixed values, rejections and ordering.
const log = [];
const later = (v, ticks) => { let p = Promise.resolve(v); for (let i = 0; i < ticks; i++) p = p.then(x => x); return p; };
const fail = (msg, ticks) => later(null, ticks).then(() => { throw new Error(msg); });
(async () => {
  log.push("all: " + JSON.stringify(await Promise.all([later("a", 3), "plain", later("b", 1)])));
  try { await Promise.all([later(1, 5), fail("first-fail", 2), fail("second-fail", 1)]); } catch (e) { log.push("all rejects: " + e.message); }
  const settled = await Promise.allSettled([later(1, 1), fail("x", 1), 3]);
  log.push("allSettled: " + settled.map(s => s.status + ":" + (s.value ?? s.reason.message)).join(","));
  log.push("race: " + await Promise.race([later("slow", 5), later("fast", 1)]));
  log.push("any: " + await Promise.any([fail("f1", 1), later("ok", 3)]));
  try { await Promise.any([fail("f1", 1), fail("f2", 2)]); } catch (e) { log.push(e.name + " " + e.errors.map(x => x.message).join("+")); }
  log.push("empty all: " + JSON.stringify(await Promise.all([])));
  console.log(log.join("\n"));
})();
