// Two-way communication with next(value): accumulators, a running-average coroutine, and a dialog driver.
const runtime = require('distribufy');
function* accumulator() {
  let total = 0;
  let count = 0;
  while (true) {
    const v = yield { total, count, avg: count ? total / count : 0 };
    if (v === undefined) continue;
    runtime.checkpoint();
    total += v;
    count++;
  }
}
const acc = accumulator();
acc.next('ignored first value');
for (const v of [4, 8, 15, 16, 23, 42]) {
  const s = acc.next(v).value;
  console.log(v, '->', JSON.stringify(s));
}
console.log('peek', JSON.stringify(acc.next().value));

// A question/answer dialog where the driver answers each yielded question.
function* interview() {
  const name = yield 'name?';
  const age = yield `hello ${name}, age?`;
  runtime.checkpoint();
  const langs = [];
  let l;
  while ((l = yield `${langs.length} languages so far, another?`) !== 'done') langs.push(l);
  return { name, age: Number(age), langs };
}
const answers = ['Ada', '36', 'Analytical', 'English', 'done'];
const iv = interview();
let r = iv.next();
let i = 0;
while (!r.done) {
  console.log('Q:', r.value, '| A:', answers[i]);
  runtime.checkpoint();
  r = iv.next(answers[i++]);
}
console.log('result', JSON.stringify(r.value));

// A parser coroutine pushing characters in, receiving tokens out.
function* tokenizer() {
  const tokens = [];
  let buf = '';
  for (;;) {
    const ch = yield tokens.splice(0);
    if (ch === null) { if (buf) tokens.push(buf); yield tokens.splice(0); return; }
    if (/\s/.test(ch)) { if (buf) tokens.push(buf); buf = ''; }
    else if ('()+*'.includes(ch)) { if (buf) tokens.push(buf); buf = ''; tokens.push(ch); }
    else buf += ch;
  }
}
const tk = tokenizer();
tk.next();
const all = [];
for (const ch of '(add 12 (mul x3 4))+ y') {
  const out = tk.next(ch).value;
  if (out.length) all.push(...out);
}
all.push(...tk.next(null).value);
console.log(all.join(' | '));
console.log(JSON.stringify(tk.next()));
