// let/const/function declarations in switch cases share one block scope; TDZ across cases.
function f(x) {
  switch (x) {
    case 0:
      let a = "zero";
      return a;
    case 1:
      try { return a; } catch (e) { return e.name; }
    case 2: {
      const a = "block";
      return a;
    }
    case 3:
      return helper();
      function helper() { return "hoisted in switch"; }
  }
  return "none";
}
console.log([0, 1, 2, 3, 4].map(f).join(","));
const fs = [];
for (let i = 0; i < 3; i++) {
  switch (i) {
    case 0: { let v = "a"; fs.push(() => v); break; }
    default: { let v = "b" + i; fs.push(() => v); }
  }
}
console.log(fs.map(g => g()).join(","));
