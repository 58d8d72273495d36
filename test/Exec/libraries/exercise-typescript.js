// Drives the TypeScript compiler API (transpile, parse, print, and a type check
// of an in-memory program) with the given build of typescript.js and prints
// the results, so the original and the compiled compiler can be diffed.
'use strict';
const ts = require(require('path').resolve(process.argv[2]));
const sources = {
  'shapes.ts': `
    interface Shape { area(): number; name: string }
    abstract class Base implements Shape {
      constructor(public name: string) {}
      abstract area(): number;
      describe(): string { return \`\${this.name}: \${this.area().toFixed(2)}\`; }
    }
    class Circle extends Base { constructor(private r: number) { super('circle'); } area() { return Math.PI * this.r ** 2; } }
    class Rect extends Base { constructor(private w: number, private h: number) { super('rect'); } area() { return this.w * this.h; } }
    enum Color { Red = 1, Green, Blue = 'blue' }
    export function total<T extends Shape>(xs: readonly T[]): number { return xs.reduce((s, x) => s + x.area(), 0); }
    export const shapes: Shape[] = [new Circle(1), new Rect(2, 3)];
    const bad: number = 'not a number';
    export async function* gen(n: number) { for (let i = 0; i < n; i++) yield await Promise.resolve(i); }
    type Keys = keyof typeof Color;
    namespace NS { export const x = 1; }
    let opt = shapes[0]?.name ?? 'none';
  `,
};
console.log(ts.version);
for (const target of [ts.ScriptTarget.ES5, ts.ScriptTarget.ES2015, ts.ScriptTarget.ES2022]) {
  for (const module of [ts.ModuleKind.CommonJS, ts.ModuleKind.ESNext]) {
    const out = ts.transpileModule(sources['shapes.ts'], {
      compilerOptions: { target, module, downlevelIteration: true, importHelpers: false },
      reportDiagnostics: true,
    });
    console.log(`--- target ${target} module ${module}`);
    console.log(out.outputText);
  }
}
const sf = ts.createSourceFile('shapes.ts', sources['shapes.ts'], ts.ScriptTarget.Latest, true);
const kinds = {};
(function walk(n) { kinds[ts.SyntaxKind[n.kind]] = (kinds[ts.SyntaxKind[n.kind]] || 0) + 1; ts.forEachChild(n, walk); })(sf);
console.log(JSON.stringify(kinds));
console.log(ts.createPrinter({ removeComments: true }).printFile(sf));
// A type check over an in-memory host (no lib files: noLib), reporting errors.
const host = {
  getSourceFile: (name, target) => sources[name] !== undefined ? ts.createSourceFile(name, sources[name], target) : undefined,
  getDefaultLibFileName: () => 'lib.d.ts',
  writeFile: () => {},
  getCurrentDirectory: () => '/',
  getDirectories: () => [],
  fileExists: (name) => sources[name] !== undefined,
  readFile: (name) => sources[name],
  getCanonicalFileName: (n) => n,
  useCaseSensitiveFileNames: () => true,
  getNewLine: () => '\n',
};
const program = ts.createProgram(['shapes.ts'], { noLib: true, strict: true, target: ts.ScriptTarget.ES2022 }, host);
for (const d of ts.getPreEmitDiagnostics(program)) {
  const pos = d.file ? d.file.getLineAndCharacterOfPosition(d.start) : { line: -1, character: -1 };
  console.log(`TS${d.code} ${pos.line}:${pos.character} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}
