// Async generator return()/throw() methods, queued next() calls, and finally with await.
const log = [];
async function* ag() {
  try {
    log.push("start");
    yield 1;
    yield 2;
    yield 3;
  } catch (e) {
    log.push("caught " + e);
    yield "recovered";
  } finally {
    await null;
    log.push("finally");
  }
}
(async () => {
  const it = ag();
  const queued = [it.next(), it.next(), it.next()];
  log.push("queued three nexts");
  log.push(JSON.stringify(await Promise.all(queued)));
  log.push(JSON.stringify(await it.throw("E")));
  log.push(JSON.stringify(await it.next()));
  log.push(JSON.stringify(await it.next()));
  const it2 = ag();
  await it2.next();
  log.push(JSON.stringify(await it2.return("early")));
  const it3 = ag();
  log.push(JSON.stringify(await it3.return("never started")));
  try { await ag().throw(new Error("thrown into fresh")); } catch (e) { log.push("fresh throw: " + e.message); }
  console.log(log.join("\n"));
})();
