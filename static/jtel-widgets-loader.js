// jtel-widgets loader: one <script type="module" src=".../jtel-widgets-loader.js"> defines the
// custom elements <jtel-acd-event-form> and friends. For code: `import { ready, mount } from`
// this file, `await ready`, then `mount(element, options)`.
import init, { mount } from "./jtel-widgets.js";

export const ready = init();
export { mount };
