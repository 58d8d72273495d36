// Generic Array.prototype methods applied to array-likes, strings and arguments via call/apply.
const al = { length: 3, 0: "a", 1: "b", 2: "c" };
console.log(Array.prototype.map.call(al, s => s.toUpperCase()).join(), Array.prototype.join.call(al, "+"), Array.prototype.includes.call(al, "b"));
Array.prototype.push.call(al, "d");
console.log(al.length, al[3], JSON.stringify(al));
console.log(Array.prototype.filter.call("hello", c => c !== "l").join(""), Array.prototype.reduce.call("abc", (acc, c) => c + acc, ""));
function f() { return Array.prototype.slice.call(arguments, 1).concat(Array.prototype.indexOf.call(arguments, "x")); }
console.log(JSON.stringify(f("a", "x", "b")));
const weird = { length: "2", 0: 1, 1: 2, 2: 3 };
console.log(Array.from(weird).join(), Array.prototype.reverse.call({ length: 2, 0: "x" }).hasOwnProperty(0));
const nodeList = { length: 2, 0: { id: "n0" }, 1: { id: "n1" }, [Symbol.iterator]: Array.prototype[Symbol.iterator] };
console.log([...nodeList].map(n => n.id).join(), Array.prototype.sort.call({ length: 3, 0: 3, 1: 1, 2: 2 })[0]);
