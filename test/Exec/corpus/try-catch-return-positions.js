// return/throw from try, catch and finally combinations.
function t(mode) {
  const log = [];
  try {
    log.push("try");
    if (mode === "throw") throw new Error("t");
    if (mode === "return") return log.concat("ret-try").join(">");
  } catch (e) {
    log.push("catch");
    if (mode === "throw") return log.concat("ret-catch").join(">");
  } finally {
    log.push("finally");
  }
  return log.concat("end").join(">");
}
console.log(t("throw"));
console.log(t("return"));
console.log(t("none"));
function u() { let i = 0; try { i++; return i; } finally { i++; console.log("i in finally", i); } }
console.log(u());
const arrow = () => { try { return (() => { throw new TypeError("inner arrow"); })(); } catch (e) { return e.name; } };
console.log(arrow());
