// Realistic: a small markdown-to-HTML converter (headings, lists, code blocks, emphasis, links, escaping) using regexps with callbacks.
function escapeHtml(s) {
  return s.replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}
function inline(text, refs) {
  const codes = [];
  text = text.replace(/`([^`]+)`/g, (_, code) => `\u0000${codes.push(escapeHtml(code)) - 1}\u0000`);
  text = escapeHtml(text);
  text = text
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*])\*([^*]+)\*/g, "$1<em>$2</em>");
  text = text.replace(
    /\[([^\]]+)\]\(([^)\s]+)(?:\s+&quot;(.*?)&quot;)?\)/g,
    (m, label, href, title) => `<a href="${href}"${title ? ` title="${title}"` : ""}>${label}</a>`,
  );
  text = text.replace(/\[([^\]]+)\]\[(\w+)\]/g, (m, label, id) =>
    refs.has(id.toLowerCase()) ? `<a href="${refs.get(id.toLowerCase())}">${label}</a>` : m,
  );
  return text.replace(/\u0000(\d+)\u0000/g, (_, i) => `<code>${codes[+i]}</code>`);
}
function markdown(src) {
  const refs = new Map();
  const lines = src.split("\n").filter(l => {
    const m = /^\[(\w+)\]:\s*(\S+)\s*$/.exec(l);
    if (m) refs.set(m[1].toLowerCase(), m[2]);
    return !m;
  });
  const out = [];
  let i = 0;
  const stats = { headings: 0, paragraphs: 0, lists: 0, code: 0 };
  while (i < lines.length) {
    const line = lines[i];
    let m;
    if (/^\s*$/.test(line)) {
      i++;
      continue;
    }
    if ((m = /^```(\w*)$/.exec(line))) {
      const body = [];
      for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i]);
      i++;
      stats.code++;
      out.push(
        `<pre><code${m[1] ? ` class="lang-${m[1]}"` : ""}>${escapeHtml(body.join("\n"))}</code></pre>`,
      );
      continue;
    }
    if ((m = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line))) {
      stats.headings++;
      const id = m[2]
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "");
      out.push(`<h${m[1].length} id="${id}">${inline(m[2], refs)}</h${m[1].length}>`);
      i++;
      continue;
    }
    if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      stats.lists++;
      const ordered = /^\s*\d+\./.test(line);
      const stack = [{ indent: line.search(/\S/), ordered, items: [] }];
      const close = () => {
        const l = stack.pop();
        const tag = l.ordered ? "ol" : "ul";
        return `<${tag}>${l.items.map(it => `<li>${it}</li>`).join("")}</${tag}>`;
      };
      while (i < lines.length && (m = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(lines[i]))) {
        const indent = m[1].length;
        while (indent < stack[stack.length - 1].indent) {
          const html = close();
          const top = stack[stack.length - 1];
          top.items[top.items.length - 1] += html;
        }
        if (indent > stack[stack.length - 1].indent)
          stack.push({ indent, ordered: /\d/.test(m[2]), items: [] });
        stack[stack.length - 1].items.push(inline(m[3], refs));
        i++;
      }
      while (stack.length > 1) {
        const html = close();
        const top = stack[stack.length - 1];
        top.items[top.items.length - 1] += html;
      }
      out.push(close());
      continue;
    }
    if (/^>\s?/.test(line)) {
      const quote = [];
      while (i < lines.length && /^>\s?/.test(lines[i])) quote.push(lines[i++].replace(/^>\s?/, ""));
      out.push(`<blockquote>${markdown(quote.join("\n")).html}</blockquote>`);
      continue;
    }
    const para = [];
    while (i < lines.length && lines[i].trim() && !/^(#|```|\s*[-*]\s|\s*\d+\.\s|>)/.test(lines[i]))
      para.push(lines[i++].trim());
    stats.paragraphs++;
    out.push(`<p>${inline(para.join(" "), refs)}</p>`);
  }
  return { html: out.join("\n"), stats };
}
const doc = `# Distribufy *corpus*

Programs must be **deterministic** & print with \`console.log(a < b)\`.
See [the docs](https://example.com/docs "Docs") or [ref link][Node].

## Rules ##
- one behaviour per file
- no *timers* timing
  - nested item with \`code\`
  - another
    1. deep ordered
- back to top

1. first
2. second

> quoted **text**
> - quoted list

\`\`\`js
if (a < b && c > d) console.log("<tag>");
\`\`\`

[node]: https://nodejs.org
Trailing paragraph with [missing][nope] ref and 2 * 3 * 4 stars.`;
const { html, stats } = markdown(doc);
console.log(html);
console.log(JSON.stringify(stats));
