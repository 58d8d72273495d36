// A stack-machine VM whose run loop is a generator yielding trace events; the host single-steps and pauses.
const runtime = require('distribufy');
function* vm(program, input) {
  const stack = [];
  const vars = {};
  let pc = 0;
  let steps = 0;
  while (pc < program.length) {
    const [op, arg] = program[pc];
    steps++;
    switch (op) {
      case 'push': stack.push(arg); break;
      case 'load': stack.push(vars[arg]); break;
      case 'store': vars[arg] = stack.pop(); break;
      case 'add': stack.push(stack.pop() + stack.pop()); break;
      case 'mul': stack.push(stack.pop() * stack.pop()); break;
      case 'sub': { const b = stack.pop(); stack.push(stack.pop() - b); break; }
      case 'read': stack.push(input.shift()); break;
      case 'print': yield { kind: 'out', value: stack.pop() }; break;
      case 'jz': if (stack.pop() === 0) { pc = arg; continue; } break;
      case 'jmp': pc = arg; continue;
      case 'dup': stack.push(stack[stack.length - 1]); break;
      default: throw new Error('bad op ' + op);
    }
    pc++;
    if (steps % 7 === 0) {
      runtime.checkpoint();
      const cmd = yield { kind: 'tick', steps, pc, depth: stack.length };
      if (cmd === 'halt') return { halted: true, steps };
    }
  }
  return { halted: false, steps, vars };
}

// factorial of the input number, printing intermediate products.
const fact = [
  ['read'], ['store', 'n'], ['push', 1], ['store', 'acc'],
  ['load', 'n'], ['jz', 17],
  ['load', 'acc'], ['load', 'n'], ['mul'], ['dup'], ['print'], ['store', 'acc'],
  ['load', 'n'], ['push', 1], ['sub'], ['store', 'n'], ['jmp', 4],
  ['load', 'acc'], ['print'],
];

function runToEnd(prog, input, haltAfterTicks = Infinity) {
  const machine = vm(prog, input);
  const outs = [];
  let ticks = 0;
  let r = machine.next();
  while (!r.done) {
    if (r.value.kind === 'out') outs.push(r.value.value);
    else ticks++;
    runtime.checkpoint();
    r = machine.next(ticks >= haltAfterTicks ? 'halt' : undefined);
  }
  return { outs, ticks, result: r.value };
}

console.log(JSON.stringify(runToEnd(fact, [5])));
console.log(JSON.stringify(runToEnd(fact, [10], 3)));

// Two VMs interleaved: both suspended in an array, stepped alternately.
const machines = [vm(fact, [4]), vm(fact, [6])];
const outputs = [[], []];
let live = machines.length;
const finished = [null, null];
for (let turn = 0; live > 0; turn++) {
  const i = turn % 2;
  if (finished[i]) continue;
  const r = machines[i].next();
  if (r.done) { finished[i] = r.value; live--; continue; }
  if (r.value.kind === 'out') outputs[i].push(r.value.value);
}
console.log(JSON.stringify(outputs), finished.map((f) => f.steps).join('/'));
