// Static fields, static methods, static blocks and static state mutated
// across checkpoints; inherited statics.
const runtime = require('distribufy');

class Registry {
  static count = 0;
  static items = [];
  static { Registry.created = 'static block ran'; }
  static register(x) { Registry.count++; this.items.push(x); runtime.checkpoint(); return this.count; }
}
class SubRegistry extends Registry {
  static label = 'sub';
  static describe() { return `${this.label}: ${this.count} items`; }
}

function main() {
  console.log(Registry.created);
  Registry.register('a');
  runtime.checkpoint();
  Registry.register('b');
  const n = SubRegistry.register('c');
  console.log('n', n, 'Registry.count', Registry.count, 'own on sub?', Object.hasOwn(SubRegistry, 'count'));
  console.log(SubRegistry.describe());
  runtime.checkpoint();
  console.log('items', Registry.items.join(','), 'same array', SubRegistry.items === Registry.items);
  Registry.extra = 'added later';
  runtime.checkpoint();
  console.log('extra', Registry.extra, SubRegistry.extra);
  return { count: Registry.count, sub: SubRegistry.count, items: Registry.items };
}

module.exports = main;
