// Generators yielding inside switch cases, labeled loops, and finally blocks that continue or break.
const runtime = require('distribufy');
function* lexer(src) {
  let i = 0;
  scan: while (i < src.length) {
    const c = src[i];
    switch (c) {
      case ' ':
        i++;
        continue scan;
      case '"': {
        let j = i + 1;
        while (j < src.length && src[j] !== '"') j++;
        yield ['str', src.slice(i + 1, j)];
        i = j + 1;
        break;
      }
      case '#':
        yield ['comment', src.slice(i + 1)];
        break scan;
      default:
        if (/\d/.test(c)) {
          let j = i;
          while (/\d/.test(src[j] ?? '')) j++;
          runtime.checkpoint();
          yield ['num', Number(src.slice(i, j))];
          i = j;
        } else {
          yield ['sym', c];
          i++;
        }
    }
  }
  return i;
}
console.log(JSON.stringify([...lexer('12 + "hi there" * 3 # trailing comment')]));

function* grid(rows, cols) {
  row: for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c > r) continue row;
      if (r * c === 6) break row;
      yield `${r}${c}`;
    }
  }
  yield 'end';
}
console.log([...grid(5, 5)].join(' '));

function* finallyContinues() {
  const out = [];
  for (let i = 0; i < 4; i++) {
    try {
      if (i % 2) throw new Error('odd ' + i);
      yield `even ${i}`;
    } catch (e) {
      yield 'caught ' + e.message;
    } finally {
      runtime.checkpoint();
      out.push(i);
      // eslint-disable-next-line no-unsafe-finally
      if (i === 2) continue;
      yield 'finally ' + i;
    }
  }
  return out.join('');
}
const fc = finallyContinues();
const seen = [];
let r;
while (!(r = fc.next()).done) seen.push(r.value);
console.log(seen.join(' | '), '=>', r.value);

function* stateMachine(input) {
  let state = 'idle';
  for (const ev of input) {
    const prev = state;
    switch (state) {
      case 'idle': state = ev === 'start' ? 'running' : 'idle'; break;
      case 'running':
        if (ev === 'pause') state = 'paused';
        else if (ev === 'stop') state = 'stopped';
        break;
      case 'paused': state = ev === 'resume' ? 'running' : ev === 'stop' ? 'stopped' : 'paused'; break;
      case 'stopped': return `stopped before ${ev}`;
    }
    yield `${prev} --${ev}--> ${state}`;
  }
  return 'input exhausted in ' + state;
}
const sm = stateMachine(['go', 'start', 'pause', 'tick', 'resume', 'stop', 'start']);
for (let s = sm.next(); ; s = sm.next()) {
  if (s.done) { console.log('result:', s.value); break; }
  console.log(s.value);
}
