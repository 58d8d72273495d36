// Custom Error subclasses, instanceof dispatch, rethrow, error properties and toString.
class AppError extends Error { constructor(msg, code) { super(msg); this.name = this.constructor.name; this.code = code; } }
class NotFound extends AppError { constructor(what) { super(what + " not found", 404); } }
class Invalid extends AppError {}
function handle(fn) {
  try { fn(); return "no error"; }
  catch (e) {
    if (e instanceof NotFound) return "NF(" + e.code + "): " + e.message;
    if (e instanceof AppError) return e.name + ": " + e.message;
    if (e instanceof TypeError) return "type: " + e.message.length;
    throw e;
  }
}
console.log(handle(() => { throw new NotFound("user"); }));
console.log(handle(() => { throw new Invalid("bad input", 400); }));
console.log(handle(() => null.x));
try { handle(() => { throw "a string"; }); } catch (e) { console.log("rethrown:", e, typeof e); }
const e = new NotFound("page");
console.log(String(e), e instanceof Error, Object.prototype.toString.call(e), Object.keys(e).join());
const plain = new Error("m");
plain.name = "Custom";
console.log(String(plain), plain.toString === Error.prototype.toString);
console.log(String(new Error()), String(new TypeError("t")), new RangeError("r").name);
function throwsObj() { throw { code: 1, toString() { return "obj error"; } }; }
try { throwsObj(); } catch (x) { console.log("caught object", x.code, String(x)); }
const agg = new AggregateError([new Error("a"), new Error("b")], "many");
console.log(agg.name, agg.message, agg.errors.length);
