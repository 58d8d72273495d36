// Labels on plain blocks and if statements; break out of a block.
const log = [];
blk: {
  log.push("a");
  if (log.length) break blk;
  log.push("never");
}
log.push("after");
outer: {
  inner: {
    log.push("in");
    break outer;
  }
  log.push("never2");
}
lbl: if (true) { log.push("if"); break lbl; }
function f(x) {
  check: {
    if (x > 0) break check;
    return "nonpos";
  }
  return "pos";
}
log.push(f(1), f(-1));
a: b: c: for (let i = 0; i < 3; i++) { if (i === 1) continue b; if (i === 2) break a; log.push("i" + i); }
console.log(log.join(","));
