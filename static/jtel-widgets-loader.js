// jtel-widgets loader: one <script type="module" src=".../jtel-widgets-loader.js"> defines the
// custom elements <jtel-acd-event-form> and friends. For code: `import { ready, mount } from`
// this file, then `mount(element, options)` (docs/options.md).
//
// It starts the widget code (the JS glue and the wasm) at once, unless every widget on the page
// is `loading="lazy"` (elements in the page when it runs or added while it waits, `mount()`
// calls with `loading: "lazy"` made before the next task): then once one of them nears the
// viewport or gets focus. Until the code runs an element shows its own children (the page's
// fallback); when it cannot run (no WebAssembly, a Content-Security-Policy without
// 'wasm-unsafe-eval') they stay, and every widget fires `jtel-failed` with the code
// `unsupported` (`load-failed` when its files could not be loaded or started).

const TAGS = "jtel-acd-event-form, jtel-cockpit-variable, jtel-cockpit-variables";
const TEXTS = {
  en: {
    unsupported: "This browser cannot run the form here (WebAssembly is unavailable or blocked).",
    "load-failed": "The form could not be loaded.",
  },
  de: {
    unsupported:
      "Dieser Browser kann das Formular hier nicht ausführen (WebAssembly ist nicht verfügbar oder gesperrt).",
    "load-failed": "Das Formular konnte nicht geladen werden.",
  },
};

let start;
let code; // the JS glue, once the widget code runs
let lazyWidgets = 0;
const startCode = new Promise((resolve) => (start = resolve));

/** Resolved once the widget code runs (the elements are defined, `mount()` mounts at once),
 * with the wasm's exports (`memory`; `code` is then the JS glue); rejected with an `Error`
 * whose `code` is `unsupported` or `load-failed` when it cannot (announced below, on the
 * console and to every widget). */
export const ready = startCode.then(async () => {
  try {
    // The empty module: compiling it is not enough, WebKit refuses only at instantiation.
    await WebAssembly.instantiate(Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0));
  } catch (cause) {
    throw failure("unsupported", cause);
  }
  try {
    const loaded = await import("./jtel-widgets.js");
    const exports = await loaded.default();
    code = loaded;
    return exports;
  } catch (cause) {
    throw failure(cause instanceof WebAssembly.CompileError ? "unsupported" : "load-failed", cause);
  }
});

/** The error of widgets that cannot start: `reason` is its `code`. */
function failure(reason, cause) {
  return Object.assign(new Error(`jtel-widgets cannot start: ${TEXTS.en[reason]}`, { cause }), { code: reason });
}

/** Tells the widget in `target` (its texts in `lang`) that it cannot start: `jtel-failed`. */
function announce(target, error, lang) {
  const words = TEXTS[String(lang).slice(0, 2).toLowerCase()] ?? TEXTS.en;
  const detail = { code: error.code, message: words[error.code] };
  target.dispatchEvent(new CustomEvent("jtel-failed", { bubbles: true, composed: true, detail }));
}

ready.catch((error) => {
  console.error(error);
  // The elements keep their children; each one in the page, or added later, is told.
  for (const tag of TAGS.split(", ")) {
    if (customElements.get(tag)) continue;
    customElements.define(
      tag,
      class extends HTMLElement {
        connectedCallback() {
          announce(this, error, this.lang);
        }
        get ready() {
          return Promise.reject(error);
        }
      },
    );
  }
});

const isLazy = (loading) => String(loading).trim().toLowerCase() === "lazy";

// Every browser that parses this file (private class fields) has IntersectionObserver.
const nearViewport = new IntersectionObserver(
  (entries) => entries.some((entry) => entry.isIntersecting) && start(),
  { rootMargin: "600px" },
);

/** Starts the widget code at once, or for a lazy widget in `target` when it nears the
 * viewport or gets focus. */
function startFor(target, lazy) {
  if (!lazy) return start();
  lazyWidgets++;
  nearViewport.observe(target);
  target.addEventListener("focusin", start, { once: true });
}

/** Starts the code for the elements in `root` (and `root` itself). */
function startForElements(root) {
  for (const element of [root, ...root.querySelectorAll(TAGS)]) {
    if (element.matches?.(TAGS)) startFor(element, isLazy(element.loading ?? element.getAttribute("loading")));
  }
}

// Elements added while the loader waits count too.
const added = new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) startForElements(node);
});
added.observe(document, { childList: true, subtree: true });
startForElements(document.documentElement);
// A page without lazy widgets (the iframe page, a page that mounts by code) starts at once.
setTimeout(() => lazyWidgets || start());
startCode.then(() => {
  added.disconnect();
  nearViewport.disconnect();
});

/** Renders the widget named by `options.widget` into `element`'s shadow root and returns its
 * handle (docs/options.md). Before the widget code runs, the handle waits for it: `ready` and
 * the commands resolve once the widget is mounted, and reject when it cannot start (the
 * element then also gets `jtel-failed`). `loading: "lazy"` loads the code only when `element`
 * nears the viewport or gets focus. */
export function mount(element, options = {}) {
  if (code) return code.mount(element, options);
  startFor(element, isLazy(options.loading));
  return new WaitingHandle(element, options);
}

/** The handle of a widget mounted before the widget code runs. */
class WaitingHandle {
  #options;
  #handle;
  #destroyed = false;
  #mounted;

  constructor(element, options) {
    this.#options = { ...options };
    this.#mounted = ready.then(() => {
      if (this.#destroyed) throw new Error("the widget was destroyed");
      return (this.#handle = code.mount(element, this.#options));
    });
    // What went wrong is told once: a widget that cannot start gets `jtel-failed` (the
    // console has the reason already), a mount the widget code refuses goes to the console.
    this.#mounted.catch(
      (error) => this.#destroyed || (code ? console.error(error) : announce(element, error, this.#options.lang)),
    );
  }

  /** Resolved once the form accepts input. */
  get ready() {
    return this.#mounted.then((handle) => handle.ready);
  }

  /** Merges `options` into the options (see `mount()`'s handle in docs/options.md). */
  update(options) {
    if (this.#handle) this.#handle.update(options);
    else Object.assign(this.#options, options);
  }

  /** `reset()` once mounted. */
  reset() {
    return this.#mounted.then((handle) => handle.reset());
  }

  /** `setValues(values)` once mounted. */
  setValues(values) {
    return this.#mounted.then((handle) => handle.setValues(values));
  }

  /** `submit()` once mounted: a promise of the outcome. */
  submit() {
    return this.#mounted.then((handle) => handle.submit());
  }

  /** Removes the widget, or never mounts it. */
  destroy() {
    this.#destroyed = true;
    this.#handle?.destroy();
  }
}
