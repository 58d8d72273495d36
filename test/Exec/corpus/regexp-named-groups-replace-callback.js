// Named groups, replace with a function callback (arguments, order), and special replacement patterns.
const date = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/u;
const m = "on 2024-03-09 ok".match(date);
console.log(m.groups.year, m.groups.month, m.index, JSON.stringify({ ...m.groups }));
console.log("2024-03-09".replace(date, "$<day>/$<month>/$<year>"));
const calls = [];
const out = "a1b22c333".replace(/(\d)(\d*)/g, function (match, p1, p2, offset, whole) {
  calls.push([match, p1, p2, offset, whole.length].join(":"));
  return "[" + match.length + "]";
});
console.log(out, calls.join(" "));
const named = "k=v;x=y".replace(/(?<k>\w)=(?<v>\w)/g, (...args) => { const groups = args[args.length - 1]; return groups.v + "=" + groups.k; });
console.log(named);
console.log("abc".replace("b", "[$&$`$']"), "aaa".replace("a", "$$"), "x".replace(/x/, "$1"));
console.log("a-b_c".split(/[-_]/).join("|"), "a1b2".split(/(\d)/).join("|"));
console.log(/(?<a>x)|(?<b>y)/.exec("y").groups.a, "ÄÖ".replace(/\p{Lu}/gu, c => c.toLowerCase()));
let counter = 0;
console.log("xxx".replaceAll("x", () => ++counter), counter);
