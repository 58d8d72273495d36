// sort: default string ordering, stability, comparator call results, undefined and holes last.
console.log([10, 9, 1, 100, 25].sort().join(), [10, 9, 1, 100, 25].sort((a, b) => a - b).join());
const people = [{ n: "a", age: 30 }, { n: "b", age: 25 }, { n: "c", age: 30 }, { n: "d", age: 25 }, { n: "e", age: 30 }];
console.log(people.sort((x, y) => x.age - y.age).map(p => p.n).join());
const withUndef = [3, undefined, 1, , 2];
withUndef.sort();
console.log(JSON.stringify(withUndef), withUndef.length, 4 in withUndef);
const words = ["Banana", "apple", "cherry", "Apple"];
console.log(words.slice().sort().join(), words.slice().sort((a, b) => a.localeCompare(b, "en")).join());
console.log([true, false, true].sort().join(), [-1, -2, 3].sort().join(), ["b", "a"].sort(() => 0).join());
const byMultiple = [[2, "b"], [1, "z"], [2, "a"], [1, "a"]].sort((p, q) => p[0] - q[0] || (p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : 0));
console.log(JSON.stringify(byMultiple));
const objs = [{ v: 3 }, { v: 1 }, { v: 2 }];
const sorted = objs.sort((a, b) => a.v - b.v);
console.log(sorted === objs, objs.map(o => o.v).join());
