// switch fallthrough, multiple labels, and strict equality matching.
function classify(x) {
  const out = [];
  switch (x) {
    case 1: out.push("one");
    case 2: out.push("two"); break;
    case "1": out.push("string one"); break;
    case 3:
    case 4: out.push("three-or-four");
    case 5: out.push("five"); break;
    default: out.push("default");
  }
  return out.join("+");
}
console.log([1, 2, "1", 3, 4, 5, 6, NaN].map(classify).join(" | "));
