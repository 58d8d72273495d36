// break inside switch exits the switch; continue inside switch continues the loop.
const out = [];
for (let i = 0; i < 6; i++) {
  switch (i % 3) {
    case 0: out.push("zero" + i); break;
    case 1: if (i > 3) continue; out.push("one" + i);
    case 2: out.push("fall" + i); break;
  }
  out.push("end" + i);
}
console.log(out.join(","));
const o2 = [];
loop: for (const c of "abcde") {
  switch (c) {
    case "b": continue loop;
    case "d": break loop;
    default: o2.push(c);
  }
}
console.log(o2.join(""));
let n = 0;
while (true) {
  switch (n++) { case 3: break; default: continue; }
  break;
}
console.log(n);
