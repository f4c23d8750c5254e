// Gives the wasm's imports and exports short names, in the wasm and in its JS glue alike:
//   node scripts/short-wasm-names.mjs dist/jtel-widgets.js dist/jtel-widgets_bg.wasm
// wasm-bindgen names each import `__wbg_<function>_<16 hex digits>` under the module
// `./<bundle>_bg.js`, and each closure export after its Rust path with a hash. Those names are
// written twice (wasm and glue) and the hashes do not compress: short names save about 3 KB
// of brotli per bundle. Run after terser (scripts/widget-bundles.sh, release builds). The glue
// must name each renamed import exactly once as an object key and each renamed export only as
// a property (`wasm.name`); anything else stops the build, so a new wasm-bindgen cannot break
// a bundle quietly.
import { readFileSync, writeFileSync } from "node:fs";

const [gluePath, wasmPath] = process.argv.slice(2);
let glue = readFileSync(gluePath, "utf8");
const wasm = readFileSync(wasmPath);
// Exports the glue's own readers (and hosts) may name without `wasm.` in front: kept.
const KEPT_EXPORTS = new Set(["memory", "main", "mount"]);

/** `a`, `b`, … `Z`, `aa`, `ab`, …: the nth short name. */
function shortName(n) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

/** Reads the wasm from `at`: unsigned LEB128 numbers, names, and where they end. */
class Reader {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }
  u32() {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.bytes[this.at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }
  name() {
    const length = this.u32();
    return new TextDecoder().decode(this.bytes.subarray(this.at, (this.at += length)));
  }
  /** Skips `limits` (of a table or memory). */
  limits() {
    const flags = this.bytes[this.at++];
    this.u32();
    if (flags & 1) this.u32();
  }
}

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const name = (text) => {
  const bytes = new TextEncoder().encode(text);
  return [...u32(bytes.length), ...bytes];
};

/** Replaces `old` by `renamed` where `pattern(old)` finds it in the glue, `times` times or
 * (with `times` 0) as often as the glue names it at all. */
function renameInGlue(old, renamed, pattern, times) {
  const escaped = old.replace(/[$.]/g, "\\$&");
  const all = glue.split(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`)).length - 1;
  const matching = glue.match(pattern(escaped))?.length ?? 0;
  if (matching !== all || (times && matching !== times)) {
    throw new Error(`${gluePath}: ${old} is named ${all} times, ${matching} of them as expected`);
  }
  glue = glue.replace(pattern(escaped), (found) => found.replace(old, renamed));
}

const sections = [];
const reader = new Reader(wasm, 8);
while (reader.at < wasm.length) {
  const id = wasm[reader.at++];
  const size = reader.u32();
  sections.push({ id, body: wasm.subarray(reader.at, (reader.at += size)) });
}

let renamedImports = 0;
let renamedExports = 0;
for (const section of sections) {
  const body = new Reader(section.body);
  const out = [];
  const count = body.u32();
  out.push(...u32(count));
  if (section.id === 2) {
    const modules = new Map();
    for (let i = 0; i < count; i++) {
      const module = body.name();
      const field = body.name();
      const start = body.at;
      const kind = section.body[body.at++];
      if (kind === 0 || kind === 4) {
        if (kind === 4) body.at++;
        body.u32();
      } else if (kind === 1) {
        body.at++;
        body.limits();
      } else if (kind === 2) body.limits();
      else if (kind === 3) body.at += 2;
      else throw new Error(`${wasmPath}: import ${field} of unknown kind ${kind}`);
      if (!modules.has(module)) {
        modules.set(module, shortName(modules.size));
        renameInGlue(module, modules.get(module), (old) => new RegExp(`(?<=[{,])"${old}"(?=:)`, "g"), 1);
      }
      const renamed = shortName(i);
      renameInGlue(field, renamed, (old) => new RegExp(`(?<=[{,])${old}(?=:)`, "g"), 1);
      renamedImports++;
      out.push(...name(modules.get(module)), ...name(renamed), ...section.body.subarray(start, body.at));
    }
  } else if (section.id === 7) {
    for (let i = 0; i < count; i++) {
      const field = body.name();
      const start = body.at;
      body.at++;
      body.u32();
      let renamed = field;
      if (!KEPT_EXPORTS.has(field)) {
        renamed = shortName(renamedExports++);
        renameInGlue(field, renamed, (old) => new RegExp(`(?<=\\.)${old}(?![\\w$])`, "g"), 0);
      }
      out.push(...name(renamed), ...section.body.subarray(start, body.at));
    }
  } else continue;
  section.body = Uint8Array.from(out);
}

const parts = [wasm.subarray(0, 8)];
for (const section of sections) parts.push(Uint8Array.of(section.id, ...u32(section.body.length)), section.body);
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
console.log(`short-wasm-names: ${wasmPath}: ${renamedImports} imports, ${renamedExports} exports renamed`);
