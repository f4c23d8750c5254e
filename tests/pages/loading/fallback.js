// Notes what the widgets tell the page (tests/e2e_loading.rs reads `window.outcome`), then
// loads the one-form bundle and mounts a second form by code.
const outcome = { events: [], ready: "pending", mounted: "pending", elementReady: "pending" };
window.outcome = outcome;
document.addEventListener("jtel-failed", (event) => outcome.events.push({ target: event.target.id, ...event.detail }));

const { ready, mount } = await import("./jtel-acd-event-form-loader.js");
const handle = mount(document.getElementById("mounted"), { baseUrl: "/jtel", group: 235, receiver: "4919900112233" });
const settled = (promise, name) =>
  promise.then(() => (outcome[name] = "running"), (error) => (outcome[name] = error.code ?? String(error)));
settled(ready, "ready");
settled(handle.ready, "mounted");
await ready.catch(() => {});
settled(document.getElementById("form").ready, "elementReady");
