// A small stack-based bytecode VM that checkpoints every few instructions
// and inside CALL/RET: the VM's stack, frames, program counter and output
// buffer all survive. It runs a recursive factorial and a loop.
const runtime = require('distribufy');

const OP = { PUSH: 0, ADD: 1, SUB: 2, MUL: 3, LOAD: 4, STORE: 5, JZ: 6, JMP: 7, CALL: 8, RET: 9, PRINT: 10, HALT: 11, LT: 12 };

function assemble(src) {
  const labels = {};
  const lines = src.trim().split('\n').map(l => l.trim()).filter(Boolean);
  let addr = 0;
  const parsed = [];
  for (const line of lines) {
    if (line.endsWith(':')) { labels[line.slice(0, -1)] = addr; continue; }
    const [op, arg] = line.split(/\s+/);
    parsed.push([op, arg]);
    addr += arg === undefined ? 1 : 2;
  }
  const code = [];
  for (const [op, arg] of parsed) {
    code.push(OP[op]);
    if (arg !== undefined) code.push(arg in labels ? labels[arg] : Number(arg));
  }
  return code;
}

class VM {
  constructor(code) {
    this.code = code; this.pc = 0; this.stack = []; this.frames = [{ locals: new Array(4).fill(0), ret: -1 }];
    this.out = []; this.steps = 0;
  }
  get frame() { return this.frames[this.frames.length - 1]; }
  step() {
    const op = this.code[this.pc++];
    const s = this.stack;
    switch (op) {
      case OP.PUSH: s.push(this.code[this.pc++]); break;
      case OP.ADD: { const b = s.pop(); s.push(s.pop() + b); break; }
      case OP.SUB: { const b = s.pop(); s.push(s.pop() - b); break; }
      case OP.MUL: { const b = s.pop(); s.push(s.pop() * b); break; }
      case OP.LT: { const b = s.pop(); s.push(s.pop() < b ? 1 : 0); break; }
      case OP.LOAD: s.push(this.frame.locals[this.code[this.pc++]]); break;
      case OP.STORE: this.frame.locals[this.code[this.pc++]] = s.pop(); break;
      case OP.JZ: { const t = this.code[this.pc++]; if (s.pop() === 0) this.pc = t; break; }
      case OP.JMP: this.pc = this.code[this.pc]; break;
      case OP.CALL: {
        const target = this.code[this.pc++];
        const locals = new Array(4).fill(0);
        locals[0] = s.pop();
        this.frames.push({ locals, ret: this.pc });
        this.pc = target;
        runtime.checkpoint();
        break;
      }
      case OP.RET: { const f = this.frames.pop(); this.pc = f.ret; runtime.checkpoint(); break; }
      case OP.PRINT: this.out.push(s.pop()); console.log('vm prints', this.out[this.out.length - 1]); break;
      case OP.HALT: return false;
      default: throw new Error('bad opcode ' + op + ' at ' + (this.pc - 1));
    }
    return true;
  }
  run() {
    while (this.step()) {
      if (++this.steps % 7 === 0) runtime.checkpoint();
    }
    return this.out;
  }
}

const PROGRAM = `
  PUSH 6
  CALL fact
  PRINT
  PUSH 0
  STORE 1
loop:
  LOAD 1
  PUSH 5
  LT
  JZ end
  LOAD 1
  LOAD 1
  MUL
  PRINT
  LOAD 1
  PUSH 1
  ADD
  STORE 1
  JMP loop
end:
  HALT
fact:
  LOAD 0
  PUSH 2
  LT
  JZ recurse
  PUSH 1
  RET
recurse:
  LOAD 0
  LOAD 0
  PUSH 1
  SUB
  CALL fact
  MUL
  RET
`;

function main() {
  const code = assemble(PROGRAM);
  console.log('code size', code.length);
  const vm = new VM(code);
  const out = vm.run();
  console.log('output', out.join(' '), 'steps', vm.steps);
  return { out, steps: vm.steps };
}

module.exports = main;
