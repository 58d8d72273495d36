// A checkpoint inside a base class constructor (and inside an old-style
// constructor function): the object under construction is the same object
// afterwards, with its fields, new.target and prototype.
const runtime = require('distribufy');

const log = [];

class Base {
  constructor(id) {
    this.id = id;
    log.push('base before checkpoint ' + id);
    runtime.checkpoint();
    this.createdBy = new.target.name;
    log.push('base after checkpoint ' + id);
  }
}
function OldStyle(v) {
  this.v = v;
  runtime.checkpoint();
  this.w = v + 1;
}
class ReturnsOther {
  constructor() {
    runtime.checkpoint();
    return { replaced: true };
  }
}

function main() {
  const b = new Base(1);
  const b2 = new Base(2);
  const o = new OldStyle(10);
  const r = new ReturnsOther();
  for (const l of log) console.log(l);
  console.log(JSON.stringify(b), b instanceof Base, b.constructor === Base, b !== b2);
  console.log(JSON.stringify(o), o instanceof OldStyle);
  console.log(JSON.stringify(r), r instanceof ReturnsOther);
  return { b, b2, o, r };
}

module.exports = main;
