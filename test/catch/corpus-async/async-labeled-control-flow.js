// Labeled break/continue, switch, do-while and conditional awaits across try/finally in async functions.
const runtime = require('distribufy');
const log = [];
const val = async (v) => { await null; return v; };

async function labeled() {
  const hits = [];
  outer: for (let i = 0; i < 4; i++) {
    inner: for (let j = 0; j < 4; j++) {
      try {
        if ((await val(j)) === 1) continue inner;
        if (j === 2 && i === 1) continue outer;
        if (i === 3) break outer;
        hits.push(`${i}${j}`);
      } finally {
        if (j === 3) log.push(`finally ${i}${j}`);
        runtime.checkpoint();
      }
    }
  }
  return hits.join(' ');
}

async function switcher(kinds) {
  const out = [];
  for (const k of kinds) {
    switch (await val(k)) {
      case 'a':
        out.push('A');
      // falls through
      case 'b': {
        const v = await val('B');
        out.push(v);
        break;
      }
      case await val('dyn'):
        out.push('dynamic case');
        break;
      default:
        runtime.checkpoint();
        out.push('default ' + k);
    }
  }
  return out.join(',');
}

async function doWhile() {
  let n = 0;
  const seen = [];
  do {
    seen.push(n);
    n = await val(n + 3);
  } while ((await val(n)) < 10);
  return seen.join(' ') + ' end ' + n;
}

async function blockLabel() {
  const steps = [];
  found: {
    for (const v of [3, 5, 8, 13]) {
      steps.push(v);
      if ((await val(v)) % 2 === 0) break found;
    }
    steps.push('not found');
  }
  return steps.join(' ');
}

async function returnFromFinallyLoop() {
  for (let i = 0; ; i++) {
    try {
      if (i === 2) return await val('returned at ' + i);
    } finally {
      log.push('loop finally ' + i);
    }
  }
}

async function main() {
  log.push(await labeled());
  log.push(await switcher(['a', 'b', 'dyn', 'zzz']));
  log.push(await doWhile());
  log.push(await blockLabel());
  log.push(await returnFromFinallyLoop());
  console.log(log.join('\n'));
}

main();
