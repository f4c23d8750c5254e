// jtel-widgets frame host: load it once on the page that frames frame.html, as a classic
// script (<script src=".../jtel-frame-host.js"></script>, no CORS needed from another origin)
// or as a module. For every <iframe data-jtel-frame> it turns the page's messages into DOM
// events on the <iframe> (jtel-created, jtel-failed, jtel-invalid, jtel-config-error,
// jtel-resize; `detail` as the widget's) and sets its height to the content's. A message
// counts only when it comes from that iframe's window and from the origin of its src
// (docs/frame.md).
{
  const types = ["jtel-created", "jtel-failed", "jtel-invalid", "jtel-config-error", "jtel-resize"];
  addEventListener("message", (event) => {
    const data = event.data;
    if (data?.source !== "jtel-widgets" || !types.includes(data.type)) return;
    const frame = [...document.querySelectorAll("iframe[data-jtel-frame]")].find(
      (iframe) => iframe.contentWindow === event.source,
    );
    if (!frame || event.origin !== new URL(frame.src, location.href).origin) return;
    const height = data.detail?.height;
    if (data.type === "jtel-resize" && typeof height === "number" && height >= 0) {
      // With box-sizing: border-box (Bootstrap, Tailwind) the height includes padding and border.
      const style = getComputedStyle(frame);
      const edges =
        style.boxSizing === "border-box"
          ? ["paddingTop", "paddingBottom", "borderTopWidth", "borderBottomWidth"]
              .map((name) => parseFloat(style[name]))
              .reduce((sum, px) => sum + px, 0)
          : 0;
      frame.style.height = `${height + edges}px`;
    }
    frame.dispatchEvent(new CustomEvent(data.type, { detail: data.detail, bubbles: true }));
  });
}
