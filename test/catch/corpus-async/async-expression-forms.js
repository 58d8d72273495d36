// await in less common expression positions: spread, optional chaining, new, in/instanceof, exponent, delete, tagged templates.
const runtime = require('distribufy');
const log = [];
const val = async (v) => { await null; return v; };

class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  toString() { return `(${this.x},${this.y})`; }
}
function tag(strings, ...values) {
  return strings.raw.map((s, i) => s + (i < values.length ? `[${values[i]}]` : '')).join('');
}

async function main() {
  const nums = [...(await val([1, 2])), ...(await val(new Set([3])))];
  log.push('spread ' + nums.join(','));
  log.push('spread args ' + Math.max(...(await val([4, 9, 2]))));
  const obj = { inner: { f: (a) => a * 2 } };
  log.push('optional call ' + obj.inner?.f(await val(21)));
  log.push('optional missing ' + obj.missing?.f(await val('not evaluated?')));
  const Cls = await val(Point);
  const pt = new Cls(await val(1), await val(2));
  log.push('new ' + String(pt));
  log.push('instanceof ' + ((await val(pt)) instanceof (await val(Point))));
  log.push('in ' + ((await val('x')) in pt));
  log.push('exponent ' + (await val(2)) ** (await val(10)));
  const holder = { a: 1, b: 2 };
  log.push('delete ' + delete holder[await val('a')] + ' ' + JSON.stringify(holder));
  log.push('tagged ' + tag`a${await val(1)}b${await val('two')}c`);
  runtime.checkpoint();
  const { x, ...restPt } = await val({ x: 1, y: 2, z: 3 });
  log.push('object rest ' + x + ' ' + JSON.stringify(restPt));
  log.push('merge ' + JSON.stringify({ ...(await val({ p: 1 })), q: await val(2) }));
  let counter = 0;
  counter ||= await val(5);
  counter &&= await val(counter + 1);
  let maybe = null;
  maybe ??= await val('filled');
  log.push(`logical assignment ${counter} ${maybe}`);
  const arr = [await val('zero'), , await val('two')];
  log.push('holes ' + arr.length + ' ' + (1 in arr));
  log.push('chained ' + (await (await val(val))('deep')));
  log.push('sequence ' + ((await val(1), await val(2))));
  const fnResult = await (async function named() { return typeof named; })();
  log.push('named function expression ' + fnResult);
  const re = new RegExp(await val('a+'), 'g');
  log.push('regexp ' + 'caaab aa'.match(re).join('|'));
  log.push('bigint ' + ((await val(2n)) ** 64n));
  runtime.checkpoint();
  console.log(log.join('\n'));
}

main();
