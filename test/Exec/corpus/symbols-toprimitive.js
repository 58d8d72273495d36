// Symbol.toPrimitive receives the hint; takes precedence over valueOf/toString.
const log = [];
const money = {
  [Symbol.toPrimitive](hint) { log.push(hint); return hint === "number" ? 42 : hint === "string" ? "$42" : "default42"; },
  valueOf() { log.push("valueOf!"); return 0; },
};
console.log(+money, `${money}`, money + "", money * 2, money == "default42", String(money), [money].join());
console.log(log.join(","));
const d = new Date(Date.UTC(2020, 0, 1));
console.log(typeof (d + 1), typeof (d - 1), d[Symbol.toPrimitive]("number"));
const bad = { [Symbol.toPrimitive]() { return {}; } };
try { bad + 1; } catch (e) { console.log(e.name); }
const viaValueOf = { valueOf: () => ({}), toString: () => "fallback" };
console.log(viaValueOf + 1);
const nullProto = Object.create(null);
try { `${nullProto}`; } catch (e) { console.log(e.name); }
