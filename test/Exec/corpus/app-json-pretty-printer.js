// Realistic: a hand-written JSON parser and pretty-printer with sorted keys, width-aware inline arrays, and error positions.
class JsonSyntaxError extends SyntaxError {
  constructor(msg, pos) {
    super(`${msg} at position ${pos}`);
    this.name = "JsonSyntaxError";
  }
}
function parse(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const fail = msg => {
    throw new JsonSyntaxError(msg, i);
  };
  function value() {
    ws();
    const c = text[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    for (const [lit, v] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ]) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return v;
      }
    }
    return fail(c === undefined ? "unexpected end" : `unexpected '${c}'`);
  }
  function object() {
    i++;
    const out = {};
    ws();
    if (text[i] === "}") {
      i++;
      return out;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') fail("expected key");
      const k = string();
      ws();
      if (text[i++] !== ":") {
        i--;
        fail("expected ':'");
      }
      out[k] = value();
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return out;
      }
      fail("expected ',' or '}'");
    }
  }
  function array() {
    i++;
    const out = [];
    ws();
    if (text[i] === "]") {
      i++;
      return out;
    }
    for (;;) {
      out.push(value());
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return out;
      }
      fail("expected ',' or ']'");
    }
  }
  function string() {
    i++;
    let s = "";
    while (text[i] !== '"') {
      if (i >= text.length) fail("unterminated string");
      if (text[i] === "\\") {
        const e = text[++i];
        const map = { n: "\n", t: "\t", '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", r: "\r" };
        if (e === "u") {
          s += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
          i += 5;
          continue;
        }
        if (!(e in map)) fail("bad escape");
        s += map[e];
        i++;
      } else s += text[i++];
    }
    i++;
    return s;
  }
  function number() {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail("bad number");
    i += m[0].length;
    return Number(m[0]);
  }
  const v = value();
  ws();
  if (i < text.length) fail("trailing characters");
  return v;
}
function pretty(v, { indent = 2, width = 40, sortKeys = true } = {}) {
  const pad = n => " ".repeat(n);
  function inline(x) {
    if (x === null || typeof x !== "object") return JSON.stringify(x);
    if (Array.isArray(x)) return "[" + x.map(inline).join(", ") + "]";
    const keys = sortKeys ? Object.keys(x).sort() : Object.keys(x);
    return "{" + keys.map(k => JSON.stringify(k) + ": " + inline(x[k])).join(", ") + "}";
  }
  function go(x, depth) {
    const one = inline(x);
    if (one.length + depth * indent <= width || x === null || typeof x !== "object") return one;
    if (Array.isArray(x)) {
      if (x.length === 0) return "[]";
      return (
        "[\n" +
        x.map(e => pad((depth + 1) * indent) + go(e, depth + 1)).join(",\n") +
        "\n" +
        pad(depth * indent) +
        "]"
      );
    }
    const keys = sortKeys ? Object.keys(x).sort() : Object.keys(x);
    if (keys.length === 0) return "{}";
    return (
      "{\n" +
      keys.map(k => pad((depth + 1) * indent) + JSON.stringify(k) + ": " + go(x[k], depth + 1)).join(",\n") +
      "\n" +
      pad(depth * indent) +
      "}"
    );
  }
  return go(v, 0);
}
const doc = `{
  "name": "distribufy", "version": "0.1.0", "private": true,
  "scripts": {"test": "node test.js", "build": "cmake --build build"},
  "numbers": [1, -2.5, 3e2, 0.001, -0],
  "nested": {"deep": {"deeper": {"deepest": ["a", "b", {"k": null}], "z": false}}},
  "escapes": "tab\\tquote\\"slash\\/unicode\\u00e9",
  "empty": {}, "emptyArr": [], "10": "numeric key", "2": "another"
}`;
const parsed = parse(doc);
console.log(pretty(parsed));
console.log(pretty(parsed, { indent: 4, width: 80, sortKeys: false }));
console.log(JSON.stringify(parsed) === JSON.stringify(JSON.parse(doc)));
for (const bad of ['{"a":1,}', "[1 2]", '{"a" 1}', '"unterminated', "tru", "[1]x", '{"e":"\\q"}', ""]) {
  try {
    parse(bad);
    console.log("parsed?!", bad);
  } catch (e) {
    console.log(JSON.stringify(bad).padEnd(18), e.name, e.message, e instanceof SyntaxError);
  }
}
