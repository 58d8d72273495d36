// Realistic: a tiny virtual DOM: h(), render to string, keyed diff producing a patch list, and patch application on a fake DOM.
function h(tag, props, ...children) {
  return {
    tag,
    props: props || {},
    children: children
      .flat(Infinity)
      .filter(c => c != null && c !== false)
      .map(c => (typeof c === "object" ? c : { text: String(c) })),
    key: props ? props.key : undefined,
  };
}
function render(v) {
  if (v.text !== undefined)
    return v.text.replace(/[&<>]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]);
  const attrs = Object.entries(v.props)
    .filter(([k]) => k !== "key" && !k.startsWith("on"))
    .map(([k, val]) => ` ${k}="${val}"`)
    .join("");
  return `<${v.tag}${attrs}>${v.children.map(render).join("")}</${v.tag}>`;
}
function diff(oldV, newV, path = "0", patches = []) {
  if (!oldV) {
    patches.push({ op: "create", path, html: render(newV) });
    return patches;
  }
  if (!newV) {
    patches.push({ op: "remove", path });
    return patches;
  }
  if (oldV.text !== undefined || newV.text !== undefined) {
    if (oldV.text !== newV.text) patches.push({ op: "text", path, value: newV.text ?? render(newV) });
    return patches;
  }
  if (oldV.tag !== newV.tag) {
    patches.push({ op: "replace", path, html: render(newV) });
    return patches;
  }
  const keys = new Set([...Object.keys(oldV.props), ...Object.keys(newV.props)]);
  for (const k of keys) {
    if (k === "key") continue;
    if (!(k in newV.props)) patches.push({ op: "unset", path, name: k });
    else if (oldV.props[k] !== newV.props[k])
      patches.push({ op: "set", path, name: k, value: newV.props[k] });
  }
  const keyed =
    newV.children.length &&
    newV.children.every(c => c.key !== undefined) &&
    oldV.children.every(c => c.key !== undefined);
  if (keyed) {
    const oldByKey = new Map(oldV.children.map((c, i) => [c.key, { c, i }]));
    const newKeys = new Set(newV.children.map(c => c.key));
    oldV.children.forEach(c => {
      if (!newKeys.has(c.key)) patches.push({ op: "remove", path: `${path}/k:${c.key}` });
    });
    newV.children.forEach((c, i) => {
      const old = oldByKey.get(c.key);
      if (!old) patches.push({ op: "insert", path: `${path}/k:${c.key}`, at: i, html: render(c) });
      else {
        if (old.i !== i) patches.push({ op: "move", path: `${path}/k:${c.key}`, to: i });
        diff(old.c, c, `${path}/k:${c.key}`, patches);
      }
    });
  } else {
    const n = Math.max(oldV.children.length, newV.children.length);
    for (let i = 0; i < n; i++) diff(oldV.children[i], newV.children[i], `${path}/${i}`, patches);
  }
  return patches;
}
function TodoApp({ todos, filter, title }) {
  const visible = todos.filter(t => filter === "all" || (filter === "done") === t.done);
  return h(
    "div",
    { class: "app", "data-filter": filter },
    h("h1", null, title),
    h(
      "ul",
      null,
      visible.map(t =>
        h("li", { key: t.id, class: t.done ? "done" : "todo" }, t.text, t.done && h("span", null, " ✓")),
      ),
    ),
    visible.length === 0 ? h("p", null, "Nothing to show") : null,
    h("footer", null, `${todos.filter(t => !t.done).length} left`, " <&> "),
  );
}
const states = [
  {
    title: "Todos",
    filter: "all",
    todos: [
      { id: 1, text: "write corpus", done: false },
      { id: 2, text: "run tests", done: false },
      { id: 3, text: "commit", done: false },
    ],
  },
  {
    title: "Todos",
    filter: "all",
    todos: [
      { id: 1, text: "write corpus", done: true },
      { id: 2, text: "run tests", done: false },
      { id: 3, text: "commit", done: false },
    ],
  },
  {
    title: "Todos",
    filter: "all",
    todos: [
      { id: 3, text: "commit", done: false },
      { id: 1, text: "write corpus", done: true },
      { id: 4, text: "review", done: false },
    ],
  },
  {
    title: "My Todos",
    filter: "done",
    todos: [
      { id: 3, text: "commit", done: false },
      { id: 1, text: "write corpus", done: true },
    ],
  },
  { title: "My Todos", filter: "done", todos: [] },
];
let prev = null;
for (const s of states) {
  const v = TodoApp(s);
  const patches = diff(prev, v);
  console.log(render(v));
  for (const p of patches) console.log("  ", JSON.stringify(p));
  prev = v;
}
const counts = {};
for (let i = 1; i < states.length; i++)
  for (const p of diff(TodoApp(states[i - 1]), TodoApp(states[i]))) counts[p.op] = (counts[p.op] || 0) + 1;
console.log(JSON.stringify(counts));
