// A checkpoint inside a base constructor while it runs for super(...) of a
// derived class: once for a derived class without instance fields, once for
// one with fields (whose initializers run when super returns).
const runtime = require('distribufy');

const log = [];

class Base {
  constructor(id) {
    this.id = id;
    runtime.checkpoint();
    log.push('base constructed ' + id + ' for ' + new.target.name);
  }
}
class Plain extends Base {
  constructor(id) {
    super(id);
    this.kind = 'plain';
  }
}
class WithFields extends Base {
  field = 'initialized after super returns: id ' + this.id;
  constructor(id) {
    super(id);
    this.kind = 'fields';
  }
}

function main() {
  const p = new Plain(1);
  const w = new WithFields(2);
  for (const l of log) console.log(l);
  console.log(JSON.stringify(p), p instanceof Plain, JSON.stringify(w), w instanceof WithFields);
  return { p, w };
}

module.exports = main;
