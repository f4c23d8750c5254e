// Keeps the wasm exports reachable, so the bench can read the size of the wasm memory.
import { ready } from "../jtel-acd-event-form-loader.js";

ready.then((wasm) => {
  window.jtelWasm = wasm;
});
