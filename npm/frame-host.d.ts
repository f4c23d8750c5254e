// `jtel-widgets/frame-host`: the host helper for a page that frames the iframe page
// (`frame.html`). Importing it (`import "jtel-widgets/frame-host";`) turns the page's messages
// into events on every `<iframe data-jtel-frame>` and sets its height to the content's
// (docs/frame.md). A page that loads `jtel-frame-host.js` with a script tag gets these types
// with `/// <reference types="jtel-widgets/frame-host" />`.
import type { JtelFrameEventMap } from "./index.js";
export type { FrameMessage, FrameMessageType, JtelFrameEventMap, ResizeDetail } from "./index.js";

declare global {
  interface HTMLElementEventMap extends JtelFrameEventMap {}
  interface DocumentEventMap extends JtelFrameEventMap {}
  interface WindowEventMap extends JtelFrameEventMap {}
}
