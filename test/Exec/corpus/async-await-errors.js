// try/catch/finally around await; rejections become throws; async function returns rejected promises.
const log = [];
async function thrower(msg) { await null; throw new RangeError(msg); }
async function f() {
  try {
    await thrower("first");
  } catch (e) {
    log.push("caught " + e.name + ":" + e.message);
  } finally {
    log.push("finally");
  }
  try { await Promise.reject("raw string"); } catch (e) { log.push("raw " + e); }
  try { return await thrower("returned-await"); } catch (e) { log.push("return await caught " + e.message); }
  return "f done";
}
async function g() { try { return thrower("no await on return"); } catch (e) { log.push("never"); } finally { log.push("g finally"); } }
(async () => {
  log.push(await f());
  try { await g(); } catch (e) { log.push("outside caught " + e.message); }
  const p = thrower("unawaited");
  const r = await p.catch(e => "handled " + e.message);
  log.push(r);
  console.log(log.join("\n"));
})();
