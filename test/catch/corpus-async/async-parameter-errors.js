// An async function's parameter errors (a destructured undefined, a throwing default) reject its promise instead of throwing at the call; checkpoints around.
const runtime = require('distribufy');

async function pick({ x }) { return x; }
async function deep(a, b = a.q.r) { return b; }
async function counted(a, b = next()) { return [a, b]; }
let calls = 0;
function next() { calls++; return calls * 10; }
const arrow = async ({ y }, [z] = [y]) => y + z;
class Box {
  constructor(v) { this.v = v; }
  async get({ key } = {}) { runtime.checkpoint(); return key === undefined ? this.v : key; }
  static async make({ v }) { return new Box(v); }
}
const obj = { async m({ k }, ...rest) { return [k, rest.length]; } };

async function attempt(name, thunk) {
  let p;
  try {
    p = thunk();
  } catch (e) {
    console.log(name, 'threw at the call', e.constructor.name);
    return;
  }
  console.log(name, 'returned a promise', typeof p.then === 'function');
  runtime.checkpoint();
  try {
    console.log(name, 'value', JSON.stringify(await p));
  } catch (e) {
    console.log(name, 'rejected', e.constructor.name);
  }
}

async function main() {
  await attempt('pick()', () => pick());
  await attempt('pick({x: 1})', () => pick({ x: 1 }));
  await attempt('deep(null)', () => deep(null));
  await attempt('deep(1, 2)', () => deep(1, 2));
  await attempt('counted(1)', () => counted(1));
  await attempt('arrow(null)', () => arrow(null));
  await attempt('arrow({y: 2})', () => arrow({ y: 2 }));
  await attempt('arrow({y: 2}, [3])', () => arrow({ y: 2 }, [3]));
  await attempt('box.get()', () => new Box(5).get());
  await attempt('box.get(null)', () => new Box(5).get(null));
  await attempt('Box.make()', () => Box.make());
  await attempt('Box.make({v: 7})', async () => (await Box.make({ v: 7 })).v);
  await attempt('obj.m()', () => obj.m());
  await attempt('obj.m({k: 1}, 2, 3)', () => obj.m({ k: 1 }, 2, 3));
  // lengths are those of the native functions
  console.log(pick.length, deep.length, counted.length, arrow.length, Box.prototype.get.length, obj.m.length);
  // the rejections are ordinary: a microtask after the call, in order
  const order = [];
  const a = pick().catch(() => order.push('pick'));
  const b = deep(undefined).catch(() => order.push('deep'));
  order.push('sync');
  await Promise.all([a, b]);
  console.log(order.join(' '));
}
main();
