// Mounts a lazy form by code below the lazy element, and notes when it is ready
// (tests/e2e_loading.rs reads `window.mounted`).
import { mount } from "./jtel-acd-event-form-loader.js";

window.mounted = "pending";
mount(document.getElementById("lazy-mount"), { loading: "lazy", baseUrl: "/jtel", group: 235, receiver: "4919900112233" })
  .ready.then(() => (window.mounted = "running"), (error) => (window.mounted = String(error)));
