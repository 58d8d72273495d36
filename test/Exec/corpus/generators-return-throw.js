// Generator return() and throw(): finally blocks, catching in the generator, state after completion.
const log = [];
function* g() {
  try {
    yield 1;
    yield 2;
  } catch (e) {
    log.push("caught " + e);
    yield "from catch";
  } finally {
    log.push("finally");
  }
  yield "after";
}
let it = g();
it.next();
console.log(JSON.stringify(it.throw("E1")), JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()));
it = g();
it.next();
console.log(JSON.stringify(it.return("R")), JSON.stringify(it.next()));
it = g();
console.log(JSON.stringify(it.return("early")), "(never started, no finally)");
it = g();
try { it.throw(new Error("unstarted")); } catch (e) { console.log("thrown out:", e.message); }
function* yieldInFinally() { try { yield 1; } finally { yield "cleanup"; log.push("after cleanup"); } }
it = yieldInFinally();
it.next();
console.log(JSON.stringify(it.return("X")), JSON.stringify(it.next()), JSON.stringify(it.next()));
console.log(log.join(","));
function* reentrant() { try { self.next(); } catch (e) { yield e.name; } }
const self = reentrant();
console.log(self.next().value);
