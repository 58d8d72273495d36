// Realistic: compile a small imperative language (AST built by hand-written parser) to stack bytecode and run it on a VM with calls.
function lex(src) {
  const re = /\s*(?:(\d+)|([A-Za-z_]\w*)|(==|!=|<=|>=|&&|\|\||[-+*\/%<>=(){};,!]))/y;
  const out = [];
  let m;
  re.lastIndex = 0;
  while (re.lastIndex < src.length && (m = re.exec(src))) {
    if (m[1]) out.push({ t: "num", v: +m[1] });
    else if (m[2])
      out.push({
        t: ["fn", "let", "if", "else", "while", "return", "print"].includes(m[2]) ? m[2] : "id",
        v: m[2],
      });
    else out.push({ t: m[3], v: m[3] });
    if (/^\s*$/.test(src.slice(re.lastIndex))) break;
  }
  out.push({ t: "eof" });
  return out;
}
function parse(tokens) {
  let i = 0;
  const peek = () => tokens[i],
    eat = t => {
      if (tokens[i].t !== t) throw new SyntaxError(`expected ${t}, got ${tokens[i].t}`);
      return tokens[i++];
    };
  const prec = {
    "||": 1,
    "&&": 2,
    "==": 3,
    "!=": 3,
    "<": 4,
    ">": 4,
    "<=": 4,
    ">=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "/": 6,
    "%": 6,
  };
  function primary() {
    const t = tokens[i++];
    if (t.t === "num") return { k: "num", v: t.v };
    if (t.t === "-") return { k: "bin", op: "-", l: { k: "num", v: 0 }, r: primary() };
    if (t.t === "!") return { k: "not", e: primary() };
    if (t.t === "(") {
      const e = expr(0);
      eat(")");
      return e;
    }
    if (t.t === "id") {
      if (peek().t === "(") {
        i++;
        const args = [];
        while (peek().t !== ")") {
          args.push(expr(0));
          if (peek().t === ",") i++;
        }
        eat(")");
        return { k: "call", name: t.v, args };
      }
      return { k: "var", name: t.v };
    }
    throw new SyntaxError("unexpected " + t.t);
  }
  function expr(min) {
    let l = primary();
    while (prec[peek().t] > min) {
      const op = tokens[i++].t;
      l = { k: "bin", op, l, r: expr(prec[op]) };
    }
    return l;
  }
  function block() {
    eat("{");
    const body = [];
    while (peek().t !== "}") body.push(stmt());
    eat("}");
    return body;
  }
  function stmt() {
    const t = peek();
    switch (t.t) {
      case "let": {
        i++;
        const name = eat("id").v;
        eat("=");
        const e = expr(0);
        eat(";");
        return { k: "let", name, e };
      }
      case "if": {
        i++;
        eat("(");
        const c = expr(0);
        eat(")");
        const th = block();
        let el = [];
        if (peek().t === "else") {
          i++;
          el = peek().t === "if" ? [stmt()] : block();
        }
        return { k: "if", c, th, el };
      }
      case "while": {
        i++;
        eat("(");
        const c = expr(0);
        eat(")");
        return { k: "while", c, body: block() };
      }
      case "return": {
        i++;
        const e = expr(0);
        eat(";");
        return { k: "return", e };
      }
      case "print": {
        i++;
        const e = expr(0);
        eat(";");
        return { k: "print", e };
      }
      case "fn": {
        i++;
        const name = eat("id").v;
        eat("(");
        const params = [];
        while (peek().t !== ")") {
          params.push(eat("id").v);
          if (peek().t === ",") i++;
        }
        eat(")");
        return { k: "fn", name, params, body: block() };
      }
      default: {
        if (t.t === "id" && tokens[i + 1].t === "=") {
          i += 2;
          const e = expr(0);
          eat(";");
          return { k: "set", name: t.v, e };
        }
        const e = expr(0);
        eat(";");
        return { k: "expr", e };
      }
    }
  }
  const prog = [];
  while (peek().t !== "eof") prog.push(stmt());
  return prog;
}
function compile(prog) {
  const funcs = {},
    main = { name: "main", params: [], code: [], locals: new Map() };
  function local(f, name, create) {
    if (!f.locals.has(name)) {
      if (!create) throw new ReferenceError(`${f.name}: unknown variable ${name}`);
      f.locals.set(name, f.locals.size);
    }
    return f.locals.get(name);
  }
  function cexpr(f, e) {
    switch (e.k) {
      case "num":
        f.code.push(["push", e.v]);
        break;
      case "var":
        f.code.push(["load", local(f, e.name)]);
        break;
      case "not":
        cexpr(f, e.e);
        f.code.push(["not"]);
        break;
      case "call":
        e.args.forEach(a => cexpr(f, a));
        f.code.push(["call", e.name, e.args.length]);
        break;
      case "bin":
        if (e.op === "&&" || e.op === "||") {
          cexpr(f, e.l);
          f.code.push(["dup"]);
          const j = f.code.push([e.op === "&&" ? "jz" : "jnz", -1]) - 1;
          f.code.push(["pop"]);
          cexpr(f, e.r);
          f.code[j][1] = f.code.length;
          break;
        }
        cexpr(f, e.l);
        cexpr(f, e.r);
        f.code.push(["op", e.op]);
        break;
    }
  }
  function cstmt(f, s) {
    switch (s.k) {
      case "let":
        cexpr(f, s.e);
        f.code.push(["store", local(f, s.name, true)]);
        break;
      case "set":
        cexpr(f, s.e);
        f.code.push(["store", local(f, s.name)]);
        break;
      case "print":
        cexpr(f, s.e);
        f.code.push(["print"]);
        break;
      case "expr":
        cexpr(f, s.e);
        f.code.push(["pop"]);
        break;
      case "return":
        cexpr(f, s.e);
        f.code.push(["ret"]);
        break;
      case "if": {
        cexpr(f, s.c);
        const j = f.code.push(["jz", -1]) - 1;
        s.th.forEach(x => cstmt(f, x));
        const j2 = f.code.push(["jmp", -1]) - 1;
        f.code[j][1] = f.code.length;
        s.el.forEach(x => cstmt(f, x));
        f.code[j2][1] = f.code.length;
        break;
      }
      case "while": {
        const top = f.code.length;
        cexpr(f, s.c);
        const j = f.code.push(["jz", -1]) - 1;
        s.body.forEach(x => cstmt(f, x));
        f.code.push(["jmp", top]);
        f.code[j][1] = f.code.length;
        break;
      }
      case "fn": {
        const fn = { name: s.name, params: s.params, code: [], locals: new Map() };
        s.params.forEach(p => local(fn, p, true));
        s.body.forEach(x => cstmt(fn, x));
        fn.code.push(["push", 0], ["ret"]);
        funcs[s.name] = fn;
        break;
      }
    }
  }
  prog.forEach(s => cstmt(main, s));
  main.code.push(["halt"]);
  return { main, funcs };
}
function run({ main, funcs }, out, maxSteps = 1e6) {
  const stack = [],
    frames = [{ f: main, pc: 0, locals: [] }];
  let steps = 0,
    maxDepth = 1;
  const ops = {
    "+": (a, b) => a + b,
    "-": (a, b) => a - b,
    "*": (a, b) => a * b,
    "/": (a, b) => {
      if (b === 0) throw new RangeError("division by zero");
      return Math.trunc(a / b);
    },
    "%": (a, b) => a % b,
    "<": (a, b) => +(a < b),
    ">": (a, b) => +(a > b),
    "<=": (a, b) => +(a <= b),
    ">=": (a, b) => +(a >= b),
    "==": (a, b) => +(a === b),
    "!=": (a, b) => +(a !== b),
  };
  for (;;) {
    if (++steps > maxSteps) throw new Error("step limit exceeded");
    const fr = frames[frames.length - 1];
    const [op, a, b] = fr.f.code[fr.pc++];
    switch (op) {
      case "push":
        stack.push(a);
        break;
      case "pop":
        stack.pop();
        break;
      case "dup":
        stack.push(stack[stack.length - 1]);
        break;
      case "load":
        stack.push(fr.locals[a] ?? 0);
        break;
      case "store":
        fr.locals[a] = stack.pop();
        break;
      case "not":
        stack.push(+!stack.pop());
        break;
      case "op": {
        const r = stack.pop(),
          l = stack.pop();
        stack.push(ops[a](l, r));
        break;
      }
      case "jz":
        if (!stack.pop()) fr.pc = a;
        break;
      case "jnz":
        if (stack.pop()) fr.pc = a;
        break;
      case "jmp":
        fr.pc = a;
        break;
      case "print":
        out.push(stack.pop());
        break;
      case "call": {
        const f = funcs[a];
        if (!f) throw new ReferenceError("no function " + a);
        if (f.params.length !== b) throw new TypeError(`${a} expects ${f.params.length} args`);
        const args = stack.splice(stack.length - b, b);
        frames.push({ f, pc: 0, locals: args });
        maxDepth = Math.max(maxDepth, frames.length);
        break;
      }
      case "ret":
        frames.pop();
        break;
      case "halt":
        return { steps, maxDepth, stackLeft: stack.length };
    }
  }
}
const programs = {
  fib: "fn fib(n) { if (n < 2) { return n; } return fib(n - 1) + fib(n - 2); } print fib(15);",
  loops: "let i = 0; let s = 0; while (i < 100) { if (i % 3 == 0 || i % 5 == 0) { s = s + i; } i = i + 1; } print s; print i;",
  gcd: "fn gcd(a, b) { while (b != 0) { let t = b; b = a % b; a = t; } return a; } print gcd(1071, 462); print gcd(17, 5);",
  shortCircuit: "fn boom() { print 999; return 1; } print 0 && boom(); print 1 || boom(); print !0 && 7;",
  primes:
    "fn isPrime(n) { if (n < 2) { return 0; } let d = 2; while (d * d <= n) { if (n % d == 0) { return 0; } d = d + 1; } return 1; } let n = 0; let c = 0; while (c < 10) { if (isPrime(n)) { print n; c = c + 1; } n = n + 1; }",
  elseIf:
    "fn sign(x) { if (x < 0) { return -1; } else if (x == 0) { return 0; } else { return 1; } } print sign(-5); print sign(0); print sign(3);",
  divZero: "print 10 / (5 - 5);",
  unknownVar: "print y;",
  badArity: "fn f(a) { return a; } print f(1, 2);",
  infinite: "while (1) { }",
  syntax: "let = 5;",
};
for (const [name, src] of Object.entries(programs)) {
  const out = [];
  try {
    const bc = compile(parse(lex(src)));
    const st = run(bc, out, 200000);
    console.log(
      name.padEnd(12),
      out.join(" "),
      "|",
      JSON.stringify(st),
      "| code size",
      bc.main.code.length + Object.values(bc.funcs).reduce((s, f) => s + f.code.length, 0),
    );
  } catch (e) {
    console.log(name.padEnd(12), out.join(" "), "!!", e.name, e.message);
  }
}
// STRESS-EVERY: 50 (long-running: a capture at each of its function entries and loop iterations takes minutes)
