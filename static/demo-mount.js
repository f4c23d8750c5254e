// The demo page's own script: mounts a German ticket form with the JS API and shows the
// widgets' DOM events, as a CRM would use them to refresh its view.
import { ready, mount } from "./jtel-widgets-loader.js";

await ready;
mount(document.getElementById("ticket"), {
  widget: "acd-event-form",
  eventType: "ticket",
  group: 235,
  lang: "de",
  sender: "erika@example.com",
  userData: "TCK-4711",
  readOnly: "Sender",
});
const log = document.getElementById("events");
for (const name of ["jtel-created", "jtel-value-set", "jtel-failed", "jtel-invalid"]) {
  document.addEventListener(name, (event) => {
    log.textContent = `${name}: ${JSON.stringify(event.detail)}`;
  });
}
