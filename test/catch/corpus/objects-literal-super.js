// super.method() in an object-literal method (the home object is the
// literal), with a checkpoint in the method found through super.
const runtime = require('distribufy');

const base = {
  hello() { runtime.checkpoint(); return 'proto hello from ' + this.name; },
};
const obj = {
  __proto__: base,
  name: 'obj',
  hello() { const s = super.hello(); runtime.checkpoint(); return s + ' + own'; },
};

function main() {
  const r = obj.hello();
  console.log(r);
  Object.setPrototypeOf(obj, { hello() { return 'new proto'; } });
  runtime.checkpoint();
  const r2 = obj.hello();
  console.log(r2);
  return { r, r2 };
}

module.exports = main;
