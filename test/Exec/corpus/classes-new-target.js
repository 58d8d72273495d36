// new.target in functions, classes and derived classes.
function F() { return new.target === undefined ? "called" : "constructed:" + (new.target === F); }
console.log(F(), new F() instanceof F ? "object returned" : "");
function G() { this.nt = new.target === G; }
console.log(new G().nt);
class Base { constructor() { this.created = new.target.name; } }
class Derived extends Base {}
console.log(new Base().created, new Derived().created);
class Abstract { constructor() { if (new.target === Abstract) throw new TypeError("abstract"); } }
try { new Abstract(); } catch (e) { console.log(e.message); }
class Concrete extends Abstract {}
console.log(new Concrete() instanceof Abstract);
function H() { const arrow = () => new.target; return arrow(); }
console.log(new H() instanceof H, H());
console.log(Reflect.construct(Base, [], Derived).created);
