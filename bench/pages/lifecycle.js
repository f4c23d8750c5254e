// Mounts and destroys widgets in a loop, the way a single-page CRM does when an agent opens
// records and moves on. Driven over WebDriver by tests/e2e_lifecycle.rs (which asserts that
// nothing is left behind) and by scripts/bench.sh (the soak), which read the memory between
// batches through the DevTools protocol. Everything here is outside the widget bundle.
import { ready, mount } from "../jtel-widgets-loader.js";

// The widgets, each as a page configures it: the attributes (custom element, kebab-case) or
// options (mount(), camelCase) and what shows that it has rendered and finished loading.
const WIDGETS = {
  "acd-event-form": {
    settings: { "event-type": "callback", group: "choose", "store-draft": "off", lang: "en" },
    rendered: "[name=Sender]",
    loaded: (root) => root.querySelector("[name=AcdGroupsID]") && !root.querySelector(".jtel-picker .jtel-hint"),
  },
  "cockpit-variable": {
    settings: { variable: "192", lang: "en" },
    rendered: ".jtel-widget, .jtel-hint",
    loaded: (root) => root.querySelector(".jtel-cockpit-editor"),
  },
  "cockpit-variables": {
    settings: { lang: "en" },
    rendered: ".jtel-widget, .jtel-hint",
    loaded: (root) => root.querySelector(".jtel-cockpit-row"),
  },
};
const EVENTS = ["jtel-created", "jtel-failed", "jtel-invalid", "jtel-value-set"];

// What went wrong in the page, every widget event heard on a destroyed widget's host, and what
// became of the widgets' requests (`fetch` is watched: started, aborted, answered; from when
// the bundle runs, so the loader's own fetch of the wasm is not counted).
const seen = { errors: [], eventsAfterDestroy: [], requests: { started: 0, aborted: 0, answered: 0 } };
await ready;
const fetchForReal = window.fetch.bind(window);
window.fetch = (input, init) => {
  const signal = init?.signal ?? input?.signal;
  seen.requests.started++;
  signal?.addEventListener("abort", () => seen.requests.aborted++, { once: true });
  const answer = fetchForReal(input, init);
  answer.then(() => seen.requests.answered++, () => {});
  return answer;
};
const record = (kind) => (...args) => seen.errors.push(`${kind}: ${args.map(String).join(" ")}`);
for (const level of ["error", "warn"]) {
  const original = console[level].bind(console);
  console[level] = (...args) => { record(`console.${level}`)(...args); original(...args); };
}
window.addEventListener("error", (event) => record("error")(event.message));
window.addEventListener("unhandledrejection", (event) => record("unhandled rejection")(event.reason));

const camel = (key) => key.replace(/-(.)/g, (_, c) => c.toUpperCase());
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
// The next task (a message to ourselves: no 4 ms clamping as with nested setTimeout).
const channel = new MessageChannel();
const nextTask = () => new Promise((resolve) => { channel.port1.onmessage = () => resolve(); channel.port2.postMessage(null); });

// Waits until `done()` is true, checking whenever `root` (a shadow root) changes; fails after 10 s.
function until(root, done, what) {
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (done()) { finish(); resolve(); }
    });
    const timer = setTimeout(() => { finish(); reject(new Error(`timed out waiting for ${what}`)); }, 10000);
    const finish = () => { observer.disconnect(); clearTimeout(timer); };
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

// One widget on the page, by either way; `settings` are laid over the widget's own.
function place(widget, way, settings, parent) {
  const spec = WIDGETS[widget];
  const all = { ...spec.settings, ...settings };
  if (way === "element") {
    const host = document.createElement(`jtel-${widget}`);
    for (const [key, value] of Object.entries(all)) host.setAttribute(key, value);
    parent.append(host);
    return { host, remove: () => host.remove() };
  }
  const host = document.createElement("div");
  parent.append(host);
  const options = { widget };
  for (const [key, value] of Object.entries(all)) options[camel(key)] = value;
  const handle = mount(host, options);
  return { host, remove: () => { handle.destroy(); host.remove(); } };
}

// `count` cycles of `widget` mounted by `way` ("mount" or "element"): each waits until the
// widget has loaded (or, with `inFlight`, only until it has rendered, so its first request is
// still on its way) and then destroys it. Returns the time taken.
async function cycles({ widget, way, count, inFlight = false, settings = {} }) {
  const spec = WIDGETS[widget];
  const stage = document.getElementById("stage");
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const placed = place(widget, way, settings, stage);
    const root = () => placed.host.shadowRoot;
    if (inFlight) {
      await until(root(), () => root().querySelector(spec.rendered), `${widget} to render`);
      for (const name of EVENTS) {
        placed.host.addEventListener(name, () => seen.eventsAfterDestroy.push(`${widget}: ${name}`));
      }
    } else {
      await until(root(), () => spec.loaded(root()), `${widget} to load`);
    }
    placed.remove();
    // The next widget comes in a later task, as after an agent's click.
    await nextTask();
  }
  return { ms: performance.now() - started };
}

// A widget that stays on the page (a cockpit variable refreshing every second, say).
const resident = [];
function keep(widget, way, settings) {
  resident.push(place(widget, way, settings, document.getElementById("other-stage")));
}

// `count` moves of one custom element between two parents, each a disconnect and a reconnect
// in the same task, as frameworks reorder lists. Before the first move the user types into
// the Sender field; returns whether the typing, the rendered tree and the widget survived
// every move.
async function moves({ widget, count }) {
  const spec = WIDGETS[widget];
  const [a, b] = [document.getElementById("stage"), document.getElementById("other-stage")];
  const placed = place(widget, "element", {}, a);
  const root = () => placed.host.shadowRoot;
  await until(root(), () => spec.loaded(root()), `${widget} to load`);
  const typed = "0199 123456789";
  const input = root().querySelector("[name=Sender]");
  input.value = typed;
  input.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true }));
  await frame();
  const tree = root().firstElementChild;
  for (let i = 0; i < count; i++) {
    (i % 2 ? a : b).append(placed.host);
    if (i % 3 === 0) {
      placed.host.remove();
      b.append(placed.host);
    }
    if (i % 50 === 0) await frame();
  }
  await frame();
  await frame();
  const now = root().querySelector("[name=Sender]");
  const result = {
    typedKept: now?.value === typed,
    sameTree: root().firstElementChild === tree,
    roots: root().querySelectorAll(".jtel-root").length,
  };
  placed.remove();
  return result;
}

window.jtelLifecycle = {
  ready,
  cycles,
  keep,
  moves,
  seen,
  // The size of the bundle's wasm memory (it only grows; what the allocator gives back is reused).
  wasmBytes: async () => (await ready).memory.buffer.byteLength,
  removeResident: () => { for (const placed of resident.splice(0)) placed.remove(); },
};
