// Automatic semicolon insertion hazards and regex-vs-division ambiguity.
function ret() {
  return
  42
}
console.log(ret())
let a = 1
let b = 2
const c = a
++b
console.log(a, b, c)
const arr = [1, 2]
;[3, 4].forEach(x => arr.push(x))
console.log(arr.join())
const tpl = "x"
;`template`
console.log(tpl)
const g = 10, i = 2, h = 5
console.log(g / i / h, g /i/ h)
const re = /=+/g.test("==") ? /a/.source : "no"
console.log(re)
let x = 5
x
--
x
console.log(x)
const div = 4 / 2 / 1; const rx = [/\/\//.source, /[/]/.test("/")]
console.log(div, rx.join())
const obj = { v: 1 }
const w = obj
.v
console.log(w)
