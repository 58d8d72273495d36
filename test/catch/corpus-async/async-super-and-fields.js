// super calls from async methods, async arrows and generators inside methods; class fields holding async arrows.
const runtime = require('distribufy');
class Base {
  constructor(name) { this.name = name; this.calls = []; }
  async load(id) { await null; this.calls.push(`Base.load ${id}`); return { id, by: this.name }; }
  *ids(n) { for (let i = 1; i <= n; i++) yield `${this.name}-${i}`; }
  static async make(name) { await null; return new this(name); }
}

class Cached extends Base {
  cache = new Map();
  fetchLater = async (id) => {
    await null;
    runtime.checkpoint();
    return this.load(id);
  };
  async load(id) {
    if (this.cache.has(id)) return { ...this.cache.get(id), cached: true };
    const viaArrow = async () => { await null; return super.load(id); };
    const r = await viaArrow();
    runtime.checkpoint();
    this.cache.set(id, r);
    return r;
  }
  *ids(n) {
    for (const id of super.ids(n)) {
      runtime.checkpoint();
      yield id.toUpperCase();
    }
  }
  static async make(name) {
    const obj = await super.make(name + '*');
    obj.calls.push('Cached.make');
    return obj;
  }
}

const proto = {
  async greet() { await null; return 'proto greet'; },
  *letters() { yield 'p'; },
};
const child = {
  __proto__: proto,
  async greet() { const base = await super.greet(); runtime.checkpoint(); return base + ' + child'; },
  *letters() { yield* super.letters(); yield 'c'; },
};

async function main() {
  const c = await Cached.make('svc');
  console.log(c.name, c instanceof Cached);
  console.log(JSON.stringify(await c.load(1)));
  console.log(JSON.stringify(await c.load(1)));
  console.log(JSON.stringify(await c.fetchLater(2)));
  const fl = c.fetchLater;
  console.log(JSON.stringify(await fl(2)));
  console.log([...c.ids(3)].join(' '));
  console.log(c.calls.join('; '));
  console.log(await child.greet(), [...child.letters()].join(''));
  // Instances each get their own arrow field bound to their own this.
  const [a, b] = await Promise.all([Cached.make('a'), Cached.make('b')]);
  const swapped = { fetch: a.fetchLater };
  console.log((await swapped.fetch(9)).by, (await b.fetchLater(9)).by);
}

main();
