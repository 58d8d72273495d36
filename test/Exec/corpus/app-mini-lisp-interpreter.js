// Realistic: a small Lisp interpreter with closures, lexical environments, tail-recursive loops, and errors.
class Env {
  constructor(vars, outer) {
    this.vars = new Map(Object.entries(vars));
    this.outer = outer;
  }
  find(name) {
    let e = this;
    while (e) {
      if (e.vars.has(name)) return e;
      e = e.outer;
    }
    throw new ReferenceError("unbound symbol: " + name);
  }
  get(name) {
    return this.find(name).vars.get(name);
  }
  set(name, v) {
    this.find(name).vars.set(name, v);
  }
  define(name, v) {
    this.vars.set(name, v);
  }
}
class Sym {
  constructor(name) {
    this.name = name;
  }
}
const symbols = new Map();
const sym = name => {
  if (!symbols.has(name)) symbols.set(name, new Sym(name));
  return symbols.get(name);
};
function tokenize(src) {
  return src
    .replace(/;[^\n]*/g, "")
    .replace(/\(/g, " ( ")
    .replace(/\)/g, " ) ")
    .replace(/'/g, " ' ")
    .trim()
    .split(/\s+/);
}
function read(tokens) {
  if (!tokens.length) throw new SyntaxError("unexpected EOF");
  const t = tokens.shift();
  if (t === "(") {
    const list = [];
    while (tokens[0] !== ")") {
      if (!tokens.length) throw new SyntaxError("missing )");
      list.push(read(tokens));
    }
    tokens.shift();
    return list;
  }
  if (t === ")") throw new SyntaxError("unexpected )");
  if (t === "'") return [sym("quote"), read(tokens)];
  const n = Number(t);
  if (!Number.isNaN(n)) return n;
  if (t === "#t") return true;
  if (t === "#f") return false;
  if (t.startsWith('"')) return t.slice(1, -1);
  return sym(t);
}
function parseAll(src) {
  const tokens = tokenize(src);
  const out = [];
  while (tokens.length) out.push(read(tokens));
  return out;
}
class Lambda {
  constructor(params, body, env, name) {
    this.params = params;
    this.body = body;
    this.env = env;
    this.name = name || "lambda";
  }
}
let steps = 0;
function evaluate(x, env) {
  for (;;) {
    steps++;
    if (x instanceof Sym) return env.get(x.name);
    if (!Array.isArray(x)) return x;
    if (x.length === 0) return [];
    const [op, ...args] = x;
    if (op instanceof Sym) {
      switch (op.name) {
        case "quote":
          return args[0];
        case "if":
          x = evaluate(args[0], env) !== false ? args[1] : args[2];
          if (x === undefined) return null;
          continue;
        case "define":
          if (Array.isArray(args[0])) {
            const [name, ...params] = args[0];
            env.define(
              name.name,
              new Lambda(
                params.map(p => p.name),
                [sym("begin"), ...args.slice(1)],
                env,
                name.name,
              ),
            );
            return null;
          }
          env.define(args[0].name, evaluate(args[1], env));
          return null;
        case "set!":
          env.set(args[0].name, evaluate(args[1], env));
          return null;
        case "lambda":
          return new Lambda(
            args[0].map(p => p.name),
            [sym("begin"), ...args.slice(1)],
            env,
          );
        case "begin":
          for (let i = 0; i < args.length - 1; i++) evaluate(args[i], env);
          x = args[args.length - 1];
          continue;
        case "let": {
          const bindings = args[0];
          const inner = new Env({}, env);
          for (const [name, val] of bindings) inner.define(name.name, evaluate(val, env));
          env = inner;
          x = [sym("begin"), ...args.slice(1)];
          continue;
        }
        case "and": {
          let v = true;
          for (const a of args) {
            v = evaluate(a, env);
            if (v === false) return false;
          }
          return v;
        }
      }
    }
    const fn = evaluate(op, env);
    const vals = args.map(a => evaluate(a, env));
    if (fn instanceof Lambda) {
      if (vals.length !== fn.params.length)
        throw new TypeError(`${fn.name}: expected ${fn.params.length} args, got ${vals.length}`);
      const frame = {};
      fn.params.forEach((p, i) => {
        frame[p] = vals[i];
      });
      env = new Env(frame, fn.env);
      x = fn.body;
      continue;
    }
    if (typeof fn !== "function") throw new TypeError("not a procedure: " + show(fn));
    return fn(...vals);
  }
}
function show(v) {
  if (v instanceof Sym) return v.name;
  if (v instanceof Lambda) return `#<${v.name}>`;
  if (Array.isArray(v)) return "(" + v.map(show).join(" ") + ")";
  if (v === true) return "#t";
  if (v === false) return "#f";
  if (v === null) return "nil";
  if (typeof v === "string") return JSON.stringify(v);
  return String(v);
}
const globalEnv = new Env(
  {
    "+": (...a) => a.reduce((x, y) => x + y, 0),
    "-": (a, ...b) => (b.length ? b.reduce((x, y) => x - y, a) : -a),
    "*": (...a) => a.reduce((x, y) => x * y, 1),
    "/": (a, b) => a / b,
    "<": (a, b) => a < b,
    "=": (a, b) => a === b,
    car: l => l[0],
    cdr: l => l.slice(1),
    cons: (a, l) => [a, ...l],
    "null?": l => Array.isArray(l) && l.length === 0,
    list: (...a) => a,
    display: v => {
      console.log("display:", show(v));
      return null;
    },
    apply: (f, args) => evaluate([f, ...args.map(a => [sym("quote"), a])], globalEnv),
  },
  null,
);
const program = `
(define (fact n) (if (< n 2) 1 (* n (fact (- n 1)))))
(fact 12)
(define (make-counter)
  (let ((n 0))
    (lambda () (set! n (+ n 1)) n)))
(define c1 (make-counter))
(define c2 (make-counter))
(c1) (c1) (c2)
(list (c1) (c2))
(define (map f l) (if (null? l) '() (cons (f (car l)) (map f (cdr l)))))
(map (lambda (x) (* x x)) '(1 2 3 4 5))
(define (loop i acc) (if (= i 0) acc (loop (- i 1) (+ acc i))))
(loop 5000 0)
(define adders (map (lambda (n) (lambda (x) (+ x n))) '(1 10 100)))
(map (lambda (f) (f 5)) adders)
(display "hello")
(and 1 2 #f 3)
(apply + '(1 2 3))
(undefined-thing 1)
(fact 1 2)
(1 2 3)
(define (compose f g) (lambda (x) (f (g x))))
((compose (lambda (x) (* x 2)) (lambda (x) (+ x 1))) 20)
`;
for (const form of parseAll(program)) {
  try {
    const r = evaluate(form, globalEnv);
    if (r !== null) console.log(show(form).slice(0, 40).padEnd(40), "=>", show(r));
  } catch (e) {
    console.log(show(form).slice(0, 40).padEnd(40), "!!", e.name, e.message);
  }
}
try {
  parseAll("(+ 1 2");
} catch (e) {
  console.log(e.name, e.message);
}
console.log("steps", steps);
// STRESS-EVERY: 50 (long-running: a capture at each of its function entries and loop iterations takes minutes)
