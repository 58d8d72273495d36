// Closures created in the test and update clauses of a for loop with let.
const fromTest = [], fromUpdate = [], fromBody = [];
for (let i = 0; (fromTest.push(() => i), i < 3); fromUpdate.push(() => i), i++) {
  fromBody.push(() => i);
  if (i === 1) i += 0;
}
console.log(fromTest.map(f => f()).join(","));
console.log(fromUpdate.map(f => f()).join(","));
console.log(fromBody.map(f => f()).join(","));
const setters = [], getters = [];
for (let i = 0; i < 3; i++) { setters.push(v => { i = v; }); getters.push(() => i); }
setters[1](42);
console.log(getters.map(f => f()).join(","));
