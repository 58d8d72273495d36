// Constructor functions, prototype chains, Object.create, setPrototypeOf, method lookup changes at runtime.
function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return this.name + " speaks"; };
function Cat(name) { Animal.call(this, name); }
Cat.prototype = Object.create(Animal.prototype);
Cat.prototype.constructor = Cat;
Cat.prototype.speak = function () { return Animal.prototype.speak.call(this) + " (meow)"; };
const c = new Cat("Tom");
console.log(c.speak(), c instanceof Animal, Object.getPrototypeOf(Object.getPrototypeOf(c)) === Animal.prototype);
Animal.prototype.eat = function () { return this.name + " eats"; };
console.log(c.eat());
const mixin = { fly() { return this.name + " flies"; } };
Object.setPrototypeOf(Cat.prototype, Object.assign(Object.create(Animal.prototype), mixin));
console.log(c.fly(), c.eat());
console.log(Object.prototype.isPrototypeOf.call(Animal.prototype, c), Cat.prototype.isPrototypeOf(c), c.hasOwnProperty("name"), c.hasOwnProperty("speak"));
try { Object.setPrototypeOf(Animal.prototype, c); } catch (e) { console.log(e.name); }
const a = {}, b = Object.create(a);
try { Object.setPrototypeOf(a, b); } catch (e) { console.log("cycle:", e.name); }
console.log(Object.getPrototypeOf(Object.prototype), typeof Function.prototype, Object.getPrototypeOf(function* () {}).constructor.name);
