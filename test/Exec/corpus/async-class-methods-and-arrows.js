// Async methods, async arrows capturing this/arguments, async generators in classes.
class Repo {
  constructor() { this.items = ["x", "y"]; }
  async load(i) { await null; return this.items[i]; }
  loadAll() { return Promise.all(this.items.map(async (_, i) => (await this.load(i)).toUpperCase())); }
  async *stream() { for (const it of this.items) { await null; yield it + "!"; } }
  static async make() { const r = new Repo(); await null; r.items.push("z"); return r; }
}
(async function () {
  const outerArgs = arguments;
  const r = await Repo.make();
  console.log(await r.load(2), JSON.stringify(await r.loadAll()));
  const seen = [];
  for await (const s of r.stream()) seen.push(s);
  console.log(seen.join(" "));
  const viaArrow = async () => outerArgs.length + ":" + arguments[0];
  console.log(await viaArrow());
  const objAsync = { v: 7, async m() { return this.v; } };
  console.log(await objAsync.m(), Object.prototype.toString.call(objAsync.m), objAsync.m() instanceof Promise);
})("arg0");
