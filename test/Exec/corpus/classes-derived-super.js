// Derived classes: super() calls, super.method(), super property in static and arrow contexts.
class Animal {
  constructor(name) { this.name = name; this.kind = "animal"; }
  speak() { return this.name + " makes a sound"; }
  static create(n) { return new this(n); }
  static describe() { return "Animal class"; }
}
class Dog extends Animal {
  constructor(name) { super(name); this.kind = "dog"; }
  speak() { return super.speak() + " (woof)"; }
  delayed() { return () => super.speak(); }
  static describe() { return super.describe() + " > Dog class"; }
}
const d = Dog.create("Rex");
console.log(d.speak(), d.kind, d instanceof Dog, d instanceof Animal);
console.log(d.delayed()(), Dog.describe());
class NoSuper extends Animal { constructor() { } }
try { new NoSuper(); } catch (e) { console.log(e.name); }
class ThisBefore extends Animal { constructor() { try { this.x = 1; } catch (e) { console.log("before super:", e.name); } super("late"); } }
console.log(new ThisBefore().name);
class Implicit extends Animal {}
console.log(new Implicit("imp", "extra").name);
class Twice extends Animal { constructor() { super("a"); try { super("b"); } catch (e) { console.log("twice:", e.name); } } }
new Twice();
console.log(Object.getPrototypeOf(Dog) === Animal, Object.getPrototypeOf(Dog.prototype) === Animal.prototype);
