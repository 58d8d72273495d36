// Async methods in classes: instance, static, private, getters returning promises, inheritance with super calls.
const runtime = require('distribufy');
class Repository {
  #rows = new Map();
  #nextId = 1;
  static instances = 0;
  constructor(name) { this.name = name; Repository.instances++; }
  async #delay() { await null; runtime.checkpoint(); }
  async insert(row) {
    await this.#delay();
    const id = this.#nextId++;
    this.#rows.set(id, { id, ...row });
    return id;
  }
  async get(id) {
    await this.#delay();
    const r = this.#rows.get(id);
    if (!r) throw new Error(`${this.name}: no row ${id}`);
    return { ...r };
  }
  async update(id, patch) {
    const r = await this.get(id);
    runtime.checkpoint();
    Object.assign(r, patch);
    this.#rows.set(id, r);
    return r;
  }
  get size() { return Promise.resolve(this.#rows.size); }
  static async create(name, rows) {
    const repo = new this(name);
    for (const r of rows) await repo.insert(r);
    return repo;
  }
}

class AuditedRepository extends Repository {
  constructor(name) { super(name); this.audit = []; }
  async insert(row) {
    const id = await super.insert(row);
    this.audit.push(`insert ${id}`);
    return id;
  }
  async update(id, patch) {
    this.audit.push(`update ${id} ${Object.keys(patch).join(',')}`);
    runtime.checkpoint();
    return super.update(id, patch);
  }
}

async function main() {
  const users = await AuditedRepository.create('users', [{ name: 'ada' }, { name: 'bob' }]);
  const cid = await users.insert({ name: 'cy' });
  console.log('inserted', cid, 'size', await users.size);
  console.log(JSON.stringify(await users.update(2, { name: 'bobby', admin: true })));
  try {
    await users.update(9, { x: 1 });
  } catch (e) {
    console.log('error', e.message);
  }
  console.log(users.audit.join('; '));

  const plain = await Repository.create('plain', [{ v: 1 }]);
  const [a, b] = await Promise.all([plain.insert({ v: 2 }), plain.insert({ v: 3 })]);
  console.log('parallel ids', a, b, 'size', await plain.size);
  console.log('instances', Repository.instances, users instanceof Repository, plain.constructor.name);

  // Async methods in an object literal and as arrow properties.
  const api = {
    base: 10,
    async add(x) { await null; return this.base + x; },
    twice: async (f, x) => f(await f(x)),
  };
  console.log('api', await api.add(5), await api.twice((v) => api.add(v), 1));
  // Unbound method call loses this.
  const { add } = api;
  await add(1).then((v) => console.log('unbound result', v), (e) => console.log('unbound:', e.constructor.name));
}

main().then(() => console.log('done'));
