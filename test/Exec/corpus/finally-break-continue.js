// break and continue through finally run the finally block; finally can override them.
const log = [];
for (let i = 0; i < 4; i++) {
  try {
    if (i === 1) continue;
    if (i === 3) break;
    log.push("body" + i);
  } finally {
    log.push("fin" + i);
  }
}
console.log(log.join(","));
log.length = 0;
for (let i = 0; i < 3; i++) {
  try { break; } finally { log.push("f" + i); if (i < 2) continue; }
}
console.log(log.join(","));
function r() {
  for (const v of [1, 2, 3]) {
    try { return v; } finally { if (v < 3) continue; }
  }
  return "done";
}
console.log(r());
log.length = 0;
outer: for (let i = 0; i < 2; i++) {
  for (let j = 0; j < 2; j++) {
    try { try { continue outer; } finally { log.push("in" + i + j); } } finally { log.push("out" + i + j); }
  }
}
console.log(log.join(","));
