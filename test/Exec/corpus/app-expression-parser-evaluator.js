// Realistic: tokenizer + recursive-descent parser + evaluator for arithmetic with variables and functions.
"use strict";
class Token {
  constructor(type, value, pos) {
    this.type = type;
    this.value = value;
    this.pos = pos;
  }
  toString() {
    return `${this.type}(${this.value})`;
  }
}
class ParseError extends Error {
  constructor(msg, pos) {
    super(`${msg} at ${pos}`);
    this.name = "ParseError";
    this.pos = pos;
  }
}
function* tokenize(src) {
  let i = 0;
  const isDigit = c => c >= "0" && c <= "9";
  const isIdent = c => /[A-Za-z_]/.test(c);
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(src[i + 1]))) {
      let j = i;
      while (j < src.length && (isDigit(src[j]) || src[j] === ".")) j++;
      yield new Token("num", parseFloat(src.slice(i, j)), i);
      i = j;
      continue;
    }
    if (isIdent(c)) {
      let j = i;
      while (j < src.length && (isIdent(src[j]) || isDigit(src[j]))) j++;
      yield new Token("ident", src.slice(i, j), i);
      i = j;
      continue;
    }
    if ("+-*/^%(),=".includes(c)) {
      yield new Token("op", c, i);
      i++;
      continue;
    }
    throw new ParseError(`unexpected character '${c}'`, i);
  }
  yield new Token("eof", null, i);
}
class Parser {
  constructor(src) {
    this.tokens = [...tokenize(src)];
    this.i = 0;
  }
  peek() {
    return this.tokens[this.i];
  }
  next() {
    return this.tokens[this.i++];
  }
  expect(type, value) {
    const t = this.next();
    if (t.type !== type || (value !== undefined && t.value !== value))
      throw new ParseError(`expected ${value ?? type} but got ${t}`, t.pos);
    return t;
  }
  parseStatement() {
    const t = this.peek(),
      t2 = this.tokens[this.i + 1];
    if (t.type === "ident" && t2 && t2.value === "=") {
      this.next();
      this.next();
      const value = this.parseExpr();
      this.expect("eof");
      return { kind: "assign", name: t.value, value };
    }
    const e = this.parseExpr();
    this.expect("eof");
    return e;
  }
  parseExpr() {
    let left = this.parseTerm();
    while (this.peek().type === "op" && "+-".includes(this.peek().value)) {
      const op = this.next().value;
      left = { kind: "bin", op, left, right: this.parseTerm() };
    }
    return left;
  }
  parseTerm() {
    let left = this.parseUnary();
    while (this.peek().type === "op" && "*/%".includes(this.peek().value)) {
      const op = this.next().value;
      left = { kind: "bin", op, left, right: this.parseUnary() };
    }
    return left;
  }
  parseUnary() {
    if (this.peek().type === "op" && this.peek().value === "-") {
      this.next();
      return { kind: "neg", arg: this.parseUnary() };
    }
    return this.parsePower();
  }
  parsePower() {
    const base = this.parseAtom();
    if (this.peek().type === "op" && this.peek().value === "^") {
      this.next();
      return { kind: "bin", op: "^", left: base, right: this.parseUnary() };
    }
    return base;
  }
  parseAtom() {
    const t = this.next();
    switch (t.type) {
      case "num":
        return { kind: "num", value: t.value };
      case "ident": {
        if (this.peek().value === "(") {
          this.next();
          const args = [];
          if (this.peek().value !== ")") {
            do {
              args.push(this.parseExpr());
            } while (this.peek().value === "," && this.next());
          }
          this.expect("op", ")");
          return { kind: "call", name: t.value, args };
        }
        return { kind: "var", name: t.value };
      }
      case "op":
        if (t.value === "(") {
          const e = this.parseExpr();
          this.expect("op", ")");
          return e;
        }
      // fallthrough
      default:
        throw new ParseError(`unexpected ${t}`, t.pos);
    }
  }
}
const builtins = {
  max: (...xs) => Math.max(...xs),
  min: (...xs) => Math.min(...xs),
  sqrt: x => Math.sqrt(x),
  abs: x => Math.abs(x),
  fact(n) {
    return n <= 1 ? 1 : n * this.fact(n - 1);
  },
};
function evaluate(node, env) {
  switch (node.kind) {
    case "num":
      return node.value;
    case "var":
      if (!(node.name in env)) throw new ReferenceError(`undefined variable ${node.name}`);
      return env[node.name];
    case "neg":
      return -evaluate(node.arg, env);
    case "assign":
      return (env[node.name] = evaluate(node.value, env));
    case "call": {
      const fn = builtins[node.name];
      if (typeof fn !== "function") throw new TypeError(`unknown function ${node.name}`);
      return fn.apply(
        builtins,
        node.args.map(a => evaluate(a, env)),
      );
    }
    case "bin": {
      const l = evaluate(node.left, env),
        r = evaluate(node.right, env);
      switch (node.op) {
        case "+":
          return l + r;
        case "-":
          return l - r;
        case "*":
          return l * r;
        case "/":
          if (r === 0) throw new RangeError("division by zero");
          return l / r;
        case "%":
          return l % r;
        case "^":
          return l ** r;
      }
    }
  }
  throw new Error("bad node " + node.kind);
}
function show(node) {
  switch (node.kind) {
    case "num":
      return String(node.value);
    case "var":
      return node.name;
    case "neg":
      return `(-${show(node.arg)})`;
    case "assign":
      return `${node.name} := ${show(node.value)}`;
    case "call":
      return `${node.name}(${node.args.map(show).join(", ")})`;
    case "bin":
      return `(${show(node.left)} ${node.op} ${show(node.right)})`;
  }
}
const env = { pi: 3.14159 };
const programs = [
  "1 + 2 * 3",
  "(1 + 2) * 3",
  "2 ^ 3 ^ 2",
  "-2 ^ 2",
  "x = 10",
  "y = x * 2 + 1",
  "max(x, y, 3) - min(4, 2)",
  "fact(10) / fact(8)",
  "sqrt(16) + abs(-3.5)",
  "10 % 4 + .5",
  "z + 1",
  "1 / (x - 10)",
  "foo(1)",
  "3 + * 4",
  "(1 + 2",
  "2 $ 3",
  "pi * 2",
];
for (const src of programs) {
  try {
    const ast = new Parser(src).parseStatement();
    console.log(src.padEnd(26), "=>", show(ast).padEnd(34), "=", evaluate(ast, env));
  } catch (e) {
    console.log(src.padEnd(26), "!!", e.name + ": " + e.message);
  }
}
console.log(JSON.stringify(env));
