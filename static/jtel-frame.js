// frame.html's messages to the page that frames it (docs/frame.md): the widget's events (they
// bubble out of its shadow root) and the page's content height, posted as
// { source: "jtel-widgets", type, detail } to one origin, never to "*": the link's
// parent-origin, given once, when the deployment (#jtel-deployment) lists it in
// parent-origins. Otherwise nothing is posted. Only frame.html loads this, before the widget
// bundle, so no event of the widget's start is missed.
const origin = receiver();

if (origin) {
  const post = (type, detail) => parent.postMessage({ source: "jtel-widgets", type, detail }, origin);
  const frame = document.querySelector("[data-jtel-frame]");
  for (const type of ["jtel-created", "jtel-failed", "jtel-invalid", "jtel-config-error"]) {
    frame.addEventListener(type, (event) => post(type, event.detail));
  }
  let posted;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== posted) post("jtel-resize", { height: (posted = height) });
  }).observe(document.documentElement);
}

/** The origin to post to, or null (with a console warning when the link asked for one). */
function receiver() {
  const asked = new URLSearchParams(location.search).getAll("parent-origin");
  if (asked.length === 0 || parent === window) return null;
  let listed;
  try {
    listed = JSON.parse(document.getElementById("jtel-deployment").textContent)["parent-origins"];
  } catch {
    // Not JSON: the widget bundle reports the deployment in the console.
  }
  const [wanted] = asked;
  if (asked.length === 1 && /^https?:\/\//.test(wanted) && Array.isArray(listed) && listed.includes(wanted)) {
    return wanted;
  }
  console.warn(
    `frame.html posts no messages: the link's parent-origin (${asked.join(", ")}) must be ` +
      "given once and listed in the deployment's parent-origins (docs/frame.md)",
  );
  return null;
}
