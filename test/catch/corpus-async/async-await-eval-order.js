// Evaluation order with await inside expressions: operands, arguments, templates, object literals, conditionals, assignments.
const runtime = require('distribufy');
const log = [];
const val = async (v) => { log.push(`eval ${v}`); await null; log.push(`done ${v}`); return v; };

async function main() {
  let x = 1;
  // The left operand is read before the await suspends.
  x += await val(10);
  log.push('x = ' + x);

  let y = 5;
  const p = val(1).then(() => { y = 100; });
  const sum = y + (await val(2));
  await p;
  log.push('sum (y read before await) = ' + sum);

  const args = [await val('a'), await val('b'), 'c'];
  log.push('args ' + args.join(''));

  const f = (...a) => a.join('-');
  log.push('call ' + f(await val(1), 2, await val(3)));

  log.push(`template ${await val('t1')} and ${await val('t2')}`);

  const obj = { [await val('key')]: await val('value'), plain: 1 };
  log.push('object ' + JSON.stringify(obj));

  const cond = (await val(0)) ? await val('then') : await val('else');
  log.push('cond ' + cond);

  const short = (await val(false)) && (await val('never'));
  log.push('short ' + short);
  const nullish = (await val(null)) ?? (await val('default'));
  log.push('nullish ' + nullish);

  const target = {};
  target[(log.push('key computed'), 'k')] = await val('assigned');
  log.push('member ' + target.k);

  const arr = [1, 2];
  const [first, second = await val('def')] = [await val('A')];
  log.push(`destructure ${first} ${second} ${arr.length}`);

  runtime.checkpoint();
  const nested = await val(await val(await val('deep')));
  log.push('nested ' + nested);

  let counter = 0;
  const inc = async () => { await null; return ++counter; };
  const pair = [await inc(), counter, await inc(), counter];
  log.push('pair ' + pair.join(','));

  const typeofAwait = typeof (await val(42));
  log.push('typeof ' + typeofAwait);
  log.push('in loop condition:');
  let n = 0;
  while ((await val(n)) < 2) { n++; runtime.checkpoint(); }
}

main().then(() => console.log(log.join('\n')));
