// Deeply nested closures capturing variables from several levels, mutated at different levels.
function level1(a) {
  let l1 = "l1";
  return function level2(b) {
    let l2 = a + b;
    return function level3(c) {
      l1 += "!";
      return function level4() {
        l2 *= 2;
        return [a, b, c, l1, l2].join(",");
      };
    };
  };
}
const l2 = level1(1);
const l3 = l2(2);
const l4a = l3("x"), l4b = l3("y");
console.log(l4a(), l4b(), l4a());
const l4c = l2(10)("z");
console.log(l4c());
function compose(...fns) { return x => fns.reduceRight((acc, f) => f(acc), x); }
const inc = x => x + 1, dbl = x => x * 2;
console.log(compose(inc, dbl, inc)(5), compose()(7));
const curry = f => a => b => c => f(a, b, c);
console.log(curry((a, b, c) => a + b * c)(1)(2)(3));
