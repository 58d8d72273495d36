// Top-level var/function in CommonJS are module-local; globalThis properties; implicit globals in sloppy mode.
var moduleVar = 1;
function moduleFn() {}
console.log(typeof globalThis.moduleVar, typeof globalThis.moduleFn, typeof module, typeof exports, typeof require);
function makeImplicit() { implicitGlobalName = "created"; }
makeImplicit();
console.log(globalThis.implicitGlobalName, typeof implicitGlobalName);
globalThis.fromGlobal = 5;
console.log(fromGlobal + 1);
function strictImplicit() { "use strict"; try { undeclaredStrict = 1; } catch (e) { return e.name; } }
console.log(strictImplicit());
console.log(typeof this, this === exports, typeof globalThis.console);
try { typeof undefinedThing?.prop; } catch (e) { console.log("typeof does not protect member access:", e.name); }
function shadowUndefined() { var undefined = "local shadow"; return typeof undefined; }
console.log(shadowUndefined(), typeof undefined);
