// Prototype links of plain objects survive checkpoints: Object.create
// chains, null-prototype objects, objects whose prototype is an array or a
// function, setPrototypeOf after creation.
const runtime = require('distribufy');

function main() {
  const base = { greet() { return 'hi from ' + this.name; }, kind: 'base' };
  const mid = Object.create(base, { kind: { value: 'mid', enumerable: true } });
  const leaf = Object.create(mid);
  leaf.name = 'leaf';
  const dict = Object.create(null);
  dict.key = 'value';
  const fancy = Object.create(Array.prototype);
  const later = { name: 'later' };
  Object.setPrototypeOf(later, base);
  runtime.checkpoint();
  console.log(leaf.greet(), leaf.kind, Object.getPrototypeOf(leaf) === mid, Object.getPrototypeOf(mid) === base);
  console.log('null proto', Object.getPrototypeOf(dict), 'toString' in dict, dict.key);
  console.log('array proto', typeof fancy.push, Array.isArray(fancy), fancy instanceof Array);
  console.log('set later', later.greet(), 'proto chain', base.isPrototypeOf(leaf));
  base.kind = 'changed';
  runtime.checkpoint();
  console.log('through chain', leaf.kind, later.kind, Object.getPrototypeOf(Object.prototype));
  return { kind: later.kind, greet: leaf.greet() };
}

module.exports = main;
