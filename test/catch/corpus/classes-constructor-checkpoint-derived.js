// A checkpoint inside a derived class constructor after super() (two levels
// deep, with instance fields): field initializers run once, `this` is the
// same object afterwards, with its prototype.
const runtime = require('distribufy');

const log = [];
let initializerRuns = 0;
function initialized(v) { initializerRuns++; return v; }

class Base {
  constructor(id) {
    this.id = id;
    log.push('base constructed for ' + new.target.name);
  }
}
class Derived extends Base {
  extra = initialized('field initializer');
  constructor(id, tag) {
    super(id);
    const self = this;
    runtime.checkpoint();
    this.tag = tag;
    log.push('derived after checkpoint, same this: ' + (self === this));
  }
  describe() { return `${this.id}/${this.tag}/${this.extra}`; }
}
class MoreDerived extends Derived {
  constructor() {
    super(3, 'more');
    runtime.checkpoint();
    this.level = 3;
  }
}
class NoFields extends Base {
  constructor(id) {
    super(id);
    runtime.checkpoint();
    this.after = 'set after the checkpoint';
  }
}

function main() {
  const d = new Derived(2, 'x');
  const m = new MoreDerived();
  const n = new NoFields(4);
  for (const l of log) console.log(l);
  console.log(JSON.stringify(d), d instanceof Derived, d instanceof Base, d.describe());
  console.log(JSON.stringify(m), m instanceof MoreDerived, m.describe(), 'initializer runs', initializerRuns);
  console.log(JSON.stringify(n), n instanceof NoFields);
  return { d, m, n, initializerRuns };
}

module.exports = main;
